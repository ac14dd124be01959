using System.Globalization;

namespace Monitro.Storage.Shared;

/// <summary>
/// Where a value lies in a <see cref="BatchCommit"/> (<c>Alerts[3].Mention.Post.Id</c>), kept as its parts and
/// written out only for the error of a check that fails: a valid commit's checks allocate nothing.
/// </summary>
internal readonly struct CommitPath
{
    private const int NoIndex = -1;

    private readonly string _root;
    private readonly int _index;
    private readonly string? _first;
    private readonly string? _second;
    private readonly string? _third;

    private CommitPath(string root, int index, string? first, string? second, string? third)
    {
        _root = root;
        _index = index;
        _first = first;
        _second = second;
        _third = third;
    }

    /// <summary>A member of the commit itself (<c>SourceName</c>).</summary>
    public static CommitPath Of(string member) => new(member, NoIndex, null, null, null);

    /// <summary>An item of one of the commit's lists (<c>Posts[3]</c>).</summary>
    public static CommitPath Item(string list, int index) => new(list, index, null, null, null);

    /// <summary>A member of the value at this path (<c>.Author.Handle</c>, with its dot).</summary>
    /// <remarks>Three levels below an item are kept as parts; a fourth is joined to the third (never needed by a valid commit).</remarks>
    public CommitPath Then(string member) =>
        _first is null ? new(_root, _index, member, null, null)
        : _second is null ? new(_root, _index, _first, member, null)
        : new(_root, _index, _first, _second, _third + member);

    public override string ToString() => _index == NoIndex
        ? string.Concat(_root, _first, _second, _third)
        : string.Create(CultureInfo.InvariantCulture, $"{_root}[{_index}]{_first}{_second}{_third}");
}
