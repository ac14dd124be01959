using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitro.Tests.Events;

public sealed class CrmEventSchemaTests
{
    private static readonly Lazy<JsonSchemaChecker> Schema = new(() => JsonSchemaChecker.Load(SchemaPath()));

    public static TheoryData<string> AlertNames => ["Complaint", "Praise", "Retraction", "Relationship", "Digest", "Spike", "Item"];

    private static Alert AlertNamed(string name) => name switch
    {
        "Complaint" => CrmEventTestData.Complaint(),
        "Praise" => CrmEventTestData.Praise(),
        "Retraction" => CrmEventTestData.Retraction(),
        "Relationship" => CrmEventTestData.Relationship(),
        "Digest" => CrmEventTestData.Digest(),
        "Item" => CrmEventTestData.Item(),
        _ => CrmEventTestData.Spike(),
    };

    // The schema is checked in under docs/schemas; tests read that very file, not a copy.
    private static string SchemaPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "schemas", "crm-event-1.1.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/schemas/crm-event-1.1.schema.json was not found above the test folder.");
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void SerializedEvents_OfEveryAlertKind_ValidateAgainstTheCheckedInSchema(string alertName)
    {
        foreach (var crmEvent in CrmEventMapper.Map(AlertNamed(alertName), author => "contact-" + author.Handle))
        {
            using var document = JsonDocument.Parse(crmEvent.Body);
            Assert.Empty(Schema.Value.Check(document.RootElement));
        }
    }

    [Theory]
    [InlineData("specVersion", "$: the required member 'specVersion' is missing")]
    [InlineData("time", "$: the required member 'time' is missing")]
    public void Check_MissingEnvelopeMember_Fails(string member, string expected)
    {
        var node = JsonNode.Parse(CrmEventMapper.Map(CrmEventTestData.Complaint())[1].Body.Span)!.AsObject();
        node.Remove(member);

        Assert.Contains(expected, Check(node));
    }

    [Fact]
    public void Check_WrongTypesAndValues_Fail()
    {
        var node = JsonNode.Parse(CrmEventMapper.Map(CrmEventTestData.Complaint())[1].Body.Span)!.AsObject();
        node["data"]!["isComplaint"] = "yes";
        node["data"]!["person"]!["followers"] = 1.5;
        node["data"]!["watch"]!["category"] = "planet";
        node["time"] = "yesterday";

        var errors = Check(node);

        Assert.Contains(errors, e => e.StartsWith("$.data.isComplaint: expected boolean", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.data.person.followers: expected integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.data.watch.category: \"planet\" is not one of", StringComparison.Ordinal));
        Assert.Contains("$.time: 'yesterday' is not a date-time", errors);
    }

    [Fact]
    public void Check_DataOfAnotherType_Fails()
    {
        var node = JsonNode.Parse(CrmEventMapper.Map(CrmEventTestData.Complaint())[0].Body.Span)!.AsObject();
        node["type"] = CrmEventTypes.MentionRetracted;

        Assert.Contains(Check(node), e => e.Contains("the required member 'postId' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownType_Fails()
    {
        var node = JsonNode.Parse(CrmEventMapper.Map(CrmEventTestData.Spike())[0].Body.Span)!.AsObject();
        node["type"] = "alert.exploded";

        Assert.Contains(Check(node), e => e.StartsWith("$.type: \"alert.exploded\" is not one of", StringComparison.Ordinal));
    }

    private static List<string> Check(JsonObject node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return Schema.Value.Check(document.RootElement);
    }
}
