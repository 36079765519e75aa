using System.Text;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Hosting;

/// <summary>Flows and events for the host tests: login flows that send one mail, marked so a test can tell versions apart.</summary>
internal static class HostFlows
{
    /// <summary>
    /// A flow on <c>account.login</c>: users with <c>id &gt; minimumId</c> get a mail to their address whose
    /// subject carries <paramref name="marker"/>.
    /// </summary>
    public static byte[] LoginMail(string id, string marker, int minimumId = 0) => Encoding.UTF8.GetBytes($$"""
        {
          "format": "flowc/1",
          "id": "{{id}}",
          "name": "Login mail {{marker}}",
          "nodes": [
            { "id": "trigger", "type": "event", "parameters": { "event": "account.login" } },
            { "id": "known", "type": "filter", "parameters": { "field": "id", "operation": ">", "value": {{minimumId}} } },
            { "id": "mail", "type": "sendMail", "parameters": { "to": "{{"{{"}}email{{"}}"}}", "subject": "{{marker}} for {{"{{"}}name{{"}}"}}", "content": "Hello {{"{{"}}name{{"}}"}}" } }
          ],
          "edges": [
            { "from": "trigger", "to": "known" },
            { "from": "known", "port": "true", "to": "mail" }
          ]
        }
        """);

    public static UserEvent Login(int id, string email = "ada@example.org", string password = "$2y$10$secret-hash") => new()
    {
        Id = id,
        Name = "Ada Lovelace",
        Email = email,
        Password = password,
        Register = new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc),
        Permission = 1,
        ConfirmationToken = "c0nf1rm-secret",
    };
}
