namespace Monitro.Tests.Matching;

/// <summary>Tells generated queries the parser accepts from those it refuses, for the generators' filters.</summary>
internal static class QueryValidity
{
    public static bool IsValid(string query)
    {
        try
        {
            MonitroQuery.Validate(query);
            return true;
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
    }
}
