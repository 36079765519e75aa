using Microsoft.Playwright;

namespace FlowCompiler.Tests.Editor;

/// <summary>The page against the engine, in a real browser: saving, dry runs, publishing, runs, and two admins on one draft.</summary>
public sealed class EditorSessionPageTests
{
    private static readonly string WelcomeMail = File.ReadAllText(RepositoryPaths.SampleFlow("welcome-mail"));

    [BrowserFact]
    public async Task An_admin_saves_a_flow_dry_runs_it_publishes_v1_and_sees_a_run_on_the_canvas()
    {
        await using var server = await EditorServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(server.Page);
        await ImportAsync(page, WelcomeMail);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.Locator(".save-state.save-saved").WaitForAsync();
        Assert.EndsWith("?flow=welcome-mail", page.Url, StringComparison.Ordinal);

        // Dry run on the sample event the catalog fills in: the mail it would send, and each node's status on the canvas.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Dry run" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run dry" }).ClickAsync();
        var result = page.GetByRole(AriaRole.Region, new() { Name = "Dry run result" });
        await result.GetByText("Dry run succeeded").WaitForAsync();
        Assert.Equal("sendMail [welcome]", (await result.Locator(".effect-title").InnerTextAsync()).Trim());
        Assert.Contains("ada@example.org", await result.Locator(".effect-parameter").Filter(new() { HasText = "to" }).First.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-node-id=welcome][data-run-status=succeeded]").WaitForAsync();
        Assert.Empty(await server.Host.ListAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Published version 1" }).WaitForAsync();
        Assert.Equal(1, Assert.Single(server.Host.Active).Version);

        // The panel raises an event; the run's node statuses overlay the canvas.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await server.Host.RaiseAsync("account.registration", new Runtime.Events.UserEvent { Id = 7, Name = "Grace", Email = "grace@example.org", Register = DateTime.UtcNow });
        await server.Host.FlushRecordsAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Runs" }).ClickAsync();
        await page.Locator(".run-list button").First.ClickAsync();
        await page.Locator("[data-node-id=welcome][data-run-status=succeeded]").WaitForAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Run of" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task Two_admins_on_one_draft_the_second_save_gets_the_stale_dialog()
    {
        await using var server = await EditorServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var ada = await browser.OpenAsync(server.Page);
        await ImportAsync(ada, WelcomeMail);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await ada.Locator(".save-state.save-saved").WaitForAsync();

        // Grace opens the same draft by its link and renames it; autosave stores her revision.
        var grace = await browser.Instance.NewPageAsync();
        await grace.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Test-Admin"] = "grace" });
        await grace.GotoAsync(new Uri(server.Page, "?flow=welcome-mail").ToString());
        await grace.Locator("[data-node-id=welcome]").WaitForAsync();
        await grace.GetByLabel("Flow name").FillAsync("Welcome, by Grace");
        await grace.Locator(".save-state.save-saved").WaitForAsync(new() { Timeout = 10_000 });
        await WaitForRevisionAsync(server, 2);

        // Ada, still on revision 1, changes the name too: her save is refused and she is told who saved.
        await ada.GetByLabel("Flow name").FillAsync("Welcome, by Ada");
        var dialog = ada.GetByRole(AriaRole.Alertdialog);
        await dialog.GetByText("grace", new() { Exact = true }).WaitForAsync();
        Assert.Contains("after you opened it", await dialog.InnerTextAsync(), StringComparison.Ordinal);

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Load their version" }).ClickAsync();
        await Assertions.Expect(ada.GetByLabel("Flow name")).ToHaveValueAsync("Welcome, by Grace");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await ada.Locator(".save-state.save-saved").WaitForAsync();
    }

    private static async Task ImportAsync(IPage page, string json)
    {
        await page.Locator("[data-node-id=trigger]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator("#import-text").FillAsync(json);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "No errors" }).WaitForAsync();
    }

    // Autosave is the page's; the test waits on the database, bounded, instead of on a clock.
    private static async Task WaitForRevisionAsync(EditorServer server, int revision)
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var draft = await client.GetAsync(new Uri(server.Page, "api/flows/welcome-mail/draft"));
            if (draft.Headers.ETag?.Tag == $"\"r{revision}\"")
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the draft never reached revision {revision}");
    }
}
