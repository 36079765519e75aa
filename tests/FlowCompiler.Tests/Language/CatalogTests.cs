using FlowCompiler.Generator.Binding;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Language;

/// <summary>The catalogs read from the runtime's classes match spec §3 field for field.</summary>
public class CatalogTests
{
    [Theory]
    [InlineData("server.created", "id:int vmid:int userid:int hostname:string cpu:int ram:int disk:int os:string ip:string? ip6:string? node:string createdAt:datetime deletedAt:datetime? nextPayment:datetime? paymentReminderSent:datetime? packageId:int? status:string cancelledAt:datetime? charges:array of serverCharge")]
    [InlineData("account.login", "id:int name:string email:string password:string register:datetime permission:int confirmationToken:string?")]
    [InlineData("account.balanceRemoved", "id:int userid:int balance:decimal")]
    [InlineData("eventLog.created", "level:int message:string rawMessage:string")]
    public void Event_fields_are_typed_as_the_spec_says(string eventName, string fields)
    {
        var payload = EventCatalog.PayloadOf(FlowEvents.Find(eventName)!);

        Assert.Equal(fields, string.Join(' ', payload.Fields.Select(f => $"{f.Name}:{f.Type.Display}")));
    }

    [Fact]
    public void Sensitive_fields_are_marked()
    {
        var user = EventCatalog.PayloadOf(FlowEvents.Find("account.login")!);

        Assert.Equal(["password", "confirmationToken"], user.Fields.Where(f => f.IsSensitive).Select(f => f.Name));
    }

    [Theory]
    [InlineData("ipv4Addresses", "id ip fk_ipam mac in_use")]
    [InlineData("ipv6Ranges", "id network prefix target gateway scope nodes createdAt userId")]
    [InlineData("users", "id username email password register permission confirmationToken")]
    [InlineData("tickets", "id title priority creatorId createdAt")]
    [InlineData("ticketMessages", "id ticketId authorId content createdAt")]
    [InlineData("templates", "id vmid displayName defaultUser defaultDrive minDisk minCpu minRAM disabled")]
    public void Tables_have_the_product_pages_columns(string table, string columns)
    {
        Assert.Equal(columns, string.Join(' ', TableCatalog.Find(table)!.Fields.Select(f => f.Name)));
    }

    [Fact]
    public void Every_table_of_the_spec_exists()
    {
        Assert.Equal(
            ["servers", "users", "balances", "charges", "packages", "templates", "ipv4Addresses", "ipv4Ranges", "ipv6Addresses", "ipv6Ranges", "tags", "tickets", "ticketMessages"],
            TableCatalog.Names);
        Assert.Equal("map of string", TableCatalog.Find("packages")!.Find("meta")!.Type.Display);
    }
}
