using System.Text;
using FlowCompiler.Generator.Validation;

namespace FlowCompiler.Tests.Language;

/// <summary>The bytes of a flow file: UTF-8 with or without a byte order mark is read; other encodings are refused, saying how to save the file.</summary>
public class FileEncodingTests
{
    private static readonly string Sample = File.ReadAllText(RepositoryPaths.SampleFlow("welcome-mail"));

    [Fact]
    public void A_utf8_byte_order_mark_as_notepad_writes_it_is_skipped()
    {
        var result = FlowValidator.Validate(WithMark(Encoding.UTF8.GetBytes(Sample)));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("welcome-mail", result.Flow!.Id);
    }

    public static TheoryData<string, string> OtherEncodings => new()
    {
        { "utf-16 le with mark", "UTF-16 (little-endian)" },
        { "utf-16 le", "UTF-16 (little-endian)" },
        { "utf-16 be with mark", "UTF-16 (big-endian)" },
        { "utf-16 be", "UTF-16 (big-endian)" },
        { "utf-32 le with mark", "UTF-32 (little-endian)" },
        { "utf-32 be", "UTF-32 (big-endian)" },
    };

    [Theory]
    [MemberData(nameof(OtherEncodings))]
    public void A_file_in_another_encoding_is_one_diagnostic_that_says_to_save_it_as_utf8(string encoding, string named)
    {
        var d = Assert.Single(FlowValidator.Validate(Encode(encoding, Sample)).Diagnostics);

        Assert.Equal(("FLOW0001", "$"), (d.Code, d.Path));
        Assert.Equal($"the flow file is saved as {named}, but it must be UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", d.Message);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_refused_with_its_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample.Replace("Welcome mail", "Welcome\u00e9mail", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;

        var d = Assert.Single(FlowValidator.Validate(bytes).Diagnostics);

        Assert.Equal("FLOW0001", d.Code);
        Assert.Equal("the flow file is not UTF-8: the byte 0xFF at line 4, column 19 is not part of any UTF-8 character. Save the file as UTF-8.", d.Message);
    }

    [Fact]
    public void Malformed_json_after_a_byte_order_mark_counts_columns_from_the_first_character()
    {
        var d = Assert.Single(FlowValidator.Validate(WithMark("{ x"u8.ToArray())).Diagnostics);

        Assert.StartsWith("the file is not valid JSON: line 1, column 3:", d.Message, StringComparison.Ordinal);
    }

    private static byte[] WithMark(byte[] utf8) => [.. Encoding.UTF8.GetPreamble(), .. utf8];

    private static byte[] Encode(string encoding, string text) => encoding switch
    {
        "utf-16 le with mark" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16 le" => Encoding.Unicode.GetBytes(text),
        "utf-16 be with mark" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-16 be" => Encoding.BigEndianUnicode.GetBytes(text),
        "utf-32 le with mark" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(text),
    };
}
