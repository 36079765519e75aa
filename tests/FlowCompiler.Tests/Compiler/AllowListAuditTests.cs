using FlowCompiler.Generator.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlowCompiler.Tests.Compiler;

public sealed class AllowListAuditTests
{
    public static IEnumerable<object[]> Samples() => CompilerTestFlows.SampleNames();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_flow_uses_only_the_runtime_contract_and_allowed_bcl_types(string name)
    {
        var (flow, canonical) = CompilerTestFlows.Bind(CompilerTestFlows.SampleText(name));

        var compiled = FlowAssemblyCompiler.Compile(flow, ContentHash.Of(canonical));

        Assert.Empty(FlowAssemblyAudit.Violations(compiled.Assembly));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\")", "type System.IO.File", "member System.IO.File.ReadAllText")]
    [InlineData("System.Environment.GetEnvironmentVariable(\"HOME\")", "type System.Environment", "member System.Environment.GetEnvironmentVariable")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\")!.Id.ToString()", "assembly System.Diagnostics.Process", "type System.Diagnostics.Process")]
    [InlineData("typeof(string).Assembly.Location", "type System.Reflection.Assembly", "member System.Type.get_Assembly")]
    [InlineData("new object().GetType().Name", "member System.Object.GetType", "type System.Reflection.MemberInfo")]
    [InlineData("System.Runtime.InteropServices.Marshal.PtrToStringUTF8(0)!", "type System.Runtime.InteropServices.Marshal", "member System.Runtime.InteropServices.Marshal.PtrToStringUTF8")]
    public void A_hand_made_assembly_that_reaches_outside_is_rejected_and_never_loaded(string expression, string violation, string other)
    {
        var image = CompileLibrary($"public static class Evil {{ public static string Run() => {expression}; }}");

        var violations = FlowAssemblyAudit.Violations(image);
        var bug = Assert.Throws<FlowCompilerBugException>(() => LoadedFlow.Load(new CompiledFlow("evil", "Evil", image, [], "")));

        Assert.Contains(violation, violations);
        Assert.Contains(other, violations);
        Assert.Contains(violation, bug.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Evil");
    }

    [Fact]
    public void Native_imports_are_rejected()
    {
        var image = CompileLibrary("""
            public static class Evil
            {
                [System.Runtime.InteropServices.DllImport("libc")]
                public static extern int getpid();
            }
            """);

        Assert.Contains("native code imports", FlowAssemblyAudit.Violations(image));
    }

    private static byte[] CompileLibrary(string source)
    {
        var references = FlowReferences.All.Add(MetadataReference.CreateFromFile(typeof(System.Diagnostics.Process).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(System.ComponentModel.Component).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(System.Runtime.InteropServices.Marshal).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Evil", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }
}
