namespace Monitro.Docs.Tests;

/// <summary>What the marker before a C# code block asks for.</summary>
internal enum SnippetKind
{
    /// <summary>No marker: the test fails, so every new snippet is classified on purpose.</summary>
    Unmarked,

    /// <summary><c>&lt;!-- snippet: compile Package … --&gt;</c>: a whole program that must compile.</summary>
    Compile,

    /// <summary><c>&lt;!-- snippet: run Package … --&gt;</c>: a whole program that must compile and run on the bundled data.</summary>
    Run,

    /// <summary><c>&lt;!-- snippet: fragment (why) --&gt;</c>: part of a program by design (a registration, a signature).</summary>
    Fragment,
}
