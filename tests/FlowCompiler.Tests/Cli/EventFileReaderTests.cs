using System.Text;
using FlowCompiler.Generator.Events;
using FlowCompiler.Runtime.Events;

namespace FlowCompiler.Tests.Cli;

/// <summary>Event files follow the rules flows follow: exact names, no duplicates, no coercion; every problem with its line and column.</summary>
public class EventFileReaderTests
{
    private static (FlowEvent Event, object Payload)? Read(string json, out string? problems) =>
        EventFileReader.Read("e.json", Encoding.UTF8.GetBytes(json), out problems);

    private static string Problems(string json)
    {
        Assert.Null(Read(json, out var problems));
        return problems!;
    }

    [Fact]
    public void A_good_event_is_read_with_its_nested_charges_and_datetimes_in_utc()
    {
        var read = Read("""
            { "data": { "id": 5, "ip": null, "packageId": 3, "createdAt": "2024-02-23T20:00:25+02:00", "charges": [ { "amount": 12.5, "description": "backup" } ] }, "event": "server.created" }
            """, out var problems);

        Assert.Null(problems);
        var server = Assert.IsType<ServerEvent>(read!.Value.Payload);
        Assert.Equal("server.created", read.Value.Event.Name);
        Assert.Equal((5, null, 3), (server.Id, server.Ip, server.PackageId));
        Assert.Equal(new DateTime(2024, 2, 23, 18, 0, 25, DateTimeKind.Utc), server.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, server.CreatedAt.Kind);
        Assert.Equal((12.5m, "backup"), (server.Charges[0].Amount, server.Charges[0].Description));
    }

    [Fact]
    public void A_name_in_another_case_is_unknown_with_a_suggestion_and_the_fields_there_are()
    {
        Assert.Equal(
            "'e.json' line 1, column 40: unknown field data.Hostname (did you mean \"hostname\"?). Fields here: id, vmid, userid, hostname, cpu, ram, disk, os, ip, ip6, node, createdAt, deletedAt, nextPayment, paymentReminderSent, packageId, status, cancelledAt, charges.",
            Problems("""{ "event": "server.created", "data": { "Hostname": "web-1" } }"""));
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        Assert.Equal("'e.json' line 1, column 49: data.id appears twice; keep one.", Problems("""{ "event": "server.created", "data": { "id": 1, "id": 2 } }"""));
        Assert.Equal("'e.json' line 1, column 42: \"event\" appears twice; keep one.", Problems("""{ "event": "server.created", "data": {}, "event": "account.login" }"""));
    }

    [Theory]
    [InlineData("\"cpu\": \"4\"", 47, "data.cpu is an int: write a whole number such as 4, not the string \"4\".")]
    [InlineData("\"cpu\": 4.5", 47, "data.cpu is an int: write a whole number such as 4, not 4.5.")]
    [InlineData("\"cpu\": 99999999999", 47, "data.cpu is an int: write a whole number such as 4, not 99999999999 (an int is at most 2147483647).")]
    [InlineData("\"hostname\": 4", 52, "data.hostname is a string: write text in quotes, such as \"web-1\", not 4.")]
    [InlineData("\"hostname\": null", 52, "data.hostname cannot be null: it is a string; leave it out to keep its default.")]
    [InlineData("\"createdAt\": 1708711225", 53, "data.createdAt is a datetime: write a string such as \"2024-02-23T18:00:25Z\", not 1708711225.")]
    [InlineData("\"createdAt\": \"yesterday\"", 53, "data.createdAt is a datetime, but \"yesterday\" is not one: write ISO 8601 such as \"2024-02-23T18:00:25Z\".")]
    [InlineData("\"charges\": {}", 51, "data.charges is an array: write [ … ], not an object.")]
    [InlineData("\"charges\": [ { \"amount\": \"12.5\" } ]", 65, "data.charges[0].amount is a decimal: write a number such as 12.5, not the string \"12.5\".")]
    [InlineData("\"hostname\": \"a\\uDFAAb\"", 52, "data.hostname holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.")]
    [InlineData("\"\\uDFAA\": 1", 40, "a property name in data holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.")]
    public void A_value_must_already_have_its_fields_flow_type(string field, int column, string message)
    {
        Assert.Equal($"'e.json' line 1, column {column}: {message}", Problems($$"""{ "event": "server.created", "data": { {{field}} } }"""));
    }

    [Fact]
    public void A_balance_is_a_decimal_and_a_level_an_int_in_their_own_events()
    {
        Assert.Contains("data.balance is a decimal", Problems("""{ "event": "account.balanceAdded", "data": { "balance": "5" } }"""), StringComparison.Ordinal);
        Assert.Contains("data.level is an int", Problems("""{ "event": "eventLog.created", "data": { "level": true } }"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_each_on_its_line_with_its_column()
    {
        var problems = Problems("{\n  \"event\": \"server.created\",\n  \"data\": {\n    \"cpu\": \"4\",\n    \"hostnme\": \"x\"\n  }\n}");

        Assert.Equal(
            ["'e.json' line 4, column 12: data.cpu is an int: write a whole number such as 4, not the string \"4\".",
             "'e.json' line 5, column 5: unknown field data.hostnme (did you mean \"hostname\"?). Fields here: id, vmid, userid, hostname, cpu, ram, disk, os, ip, ip6, node, createdAt, deletedAt, nextPayment, paymentReminderSent, packageId, status, cancelledAt, charges."],
            problems.Split('\n'));
    }

    [Theory]
    [InlineData("""{ "\uDFAA": 1, "event": "server.created", "data": {} }""", "'e.json' line 1, column 3: a property name in the file holds an invalid Unicode escape (a lone surrogate such as \\ud800); remove it.")]
    [InlineData("""{ "event": "server.created", "data": {}, "date": 1 }""", "'e.json' line 1, column 42: \"date\" is not part of an event file (did you mean \"data\"?); an event file is { \"event\": \"server.created\", \"data\": { ...the event's fields... } }.")]
    [InlineData("""{ "event": "server.craeted", "data": {} }""", "'e.json' line 1, column 12: the event \"server.craeted\" is unknown (did you mean \"server.created\"?); events: server.created, server.start, server.stop, server.restart, account.updated, account.registration, account.login, account.balanceAdded, account.balanceRemoved, eventLog.created.")]
    [InlineData("""{ "event": 5, "data": {} }""", "'e.json' line 1, column 12: \"event\" must be a string naming the event, such as \"server.created\", not 5.")]
    [InlineData("""{ "event": "server.created" }""", "'e.json': \"data\" is missing: an event file is { \"event\": \"server.created\", \"data\": { ...the event's fields... } }.")]
    [InlineData("""[ 1 ]""", "'e.json' line 1, column 1: the file holds an array, but an event file is { \"event\": \"server.created\", \"data\": { ...the event's fields... } }.")]
    [InlineData("{ \"event\": \"server.created\",\n  \"data\": { } } x", "'e.json' is not a valid event file: line 2, column 17: 'x' is invalid after a single JSON value. Expected end of data.")]
    public void The_file_itself_holds_only_event_and_data(string json, string message)
    {
        Assert.Equal(message, Problems(json));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped_and_utf16_is_refused_saying_to_save_as_utf8()
    {
        var json = """{ "event": "account.login", "data": { "id": 7 } }""";

        var read = EventFileReader.Read("e.json", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray(), out var problems);
        Assert.Null(problems);
        Assert.Equal(7, Assert.IsType<UserEvent>(read!.Value.Payload).Id);

        Assert.Null(EventFileReader.Read("e.json", Encoding.Unicode.GetBytes(json), out problems));
        Assert.Equal("'e.json' is saved as UTF-16 (little-endian), but it must be UTF-8: save it again as UTF-8 (in Notepad: Save as, Encoding: UTF-8).", problems);
    }
}
