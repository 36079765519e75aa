namespace FlowCompiler.Tests.Editor;

/// <summary>
/// A test that drives Debian's Chromium (<c>/usr/bin/chromium</c>; browsers cannot be downloaded here).
/// Without it the test shows as skipped, unless <c>FLOWC_REQUIRE_BROWSER=1</c> (as in <c>.ci/run</c>, which
/// installs it): then it runs and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("FLOWC_REQUIRE_BROWSER") != "1")
        {
            Skip = $"no browser: install Debian's Chromium (apt-get install -y chromium) for {Chromium}";
        }
    }
}
