using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitro.Tests.Events;

public sealed class CrmEventSchemaTests
{
    private static readonly Lazy<JsonSchemaChecker> Schema = new(() => JsonSchemaChecker.Load(SchemaPath(CrmEvent<PersonUpsertedData>.CurrentSpecVersion)));

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

    // The schemas are checked in under docs/schemas; tests read those very files, not copies.
    private static string SchemaPath(string version)
    {
        var name = "crm-event-" + version + ".schema.json";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "schemas", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/schemas/" + name + " was not found above the test folder.");
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void SerializedEvents_OfEveryAlertKind_ValidateAgainstTheCheckedInSchema(string alertName)
    {
        var withoutScores = CrmEventMapper.Map(AlertNamed(alertName), author => "contact-" + author.Handle);
        var withScores = CrmEventMapper.Map(AlertNamed(alertName), author => "contact-" + author.Handle, CrmEventRelationshipTests.ScorerKnowingJane());
        foreach (var crmEvent in withoutScores.Concat(withScores))
        {
            using var document = JsonDocument.Parse(crmEvent.Body);
            Assert.Empty(Schema.Value.Check(document.RootElement));
        }
    }

    // Additive: a receiver of an earlier minor version ignores the members it does not know, so the same event
    // labelled with that version validates against that version's schema (1.0 has no item.* types).
    [Theory]
    [InlineData("1.1", "Complaint")]
    [InlineData("1.1", "Relationship")]
    [InlineData("1.1", "Item")]
    [InlineData("1.1", "Digest")]
    [InlineData("1.0", "Complaint")]
    [InlineData("1.0", "Relationship")]
    [InlineData("1.0", "Retraction")]
    [InlineData("1.0", "Spike")]
    public void SerializedEvents_WithScores_StillValidateAgainstEarlierSchemas(string version, string alertName)
    {
        var earlier = JsonSchemaChecker.Load(SchemaPath(version));
        var events = CrmEventMapper.Map(AlertNamed(alertName), author => "contact-" + author.Handle, CrmEventRelationshipTests.ScorerKnowingJane());
        Assert.Contains(events, crmEvent => alertName is "Retraction" or "Spike" or "Digest" || JsonNode.Parse(crmEvent.Body.Span)!["data"]!["relationship"] is not null);
        foreach (var crmEvent in events)
        {
            var node = JsonNode.Parse(crmEvent.Body.Span)!.AsObject();
            node["specVersion"] = version;
            using var document = JsonDocument.Parse(node.ToJsonString());
            Assert.Empty(earlier.Check(document.RootElement));
        }
    }

    [Fact]
    public void Check_RelationshipOutOfRange_Fails()
    {
        var node = JsonNode.Parse(CrmEventMapper.Map(CrmEventTestData.Complaint(), null, CrmEventRelationshipTests.ScorerKnowingJane())[0].Body.Span)!.AsObject();
        node["data"]!["relationship"]!["bond"] = 140;
        node["data"]!["relationship"]!["band"] = "lukewarm";
        node["data"]!["relationship"]!.AsObject().Remove("reason");

        var errors = Check(node);

        Assert.Contains(errors, e => e.StartsWith("$.data.relationship.bond:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.data.relationship.band: \"lukewarm\" is not one of", StringComparison.Ordinal));
        Assert.Contains("$.data.relationship: the required member 'reason' is missing", errors);
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
