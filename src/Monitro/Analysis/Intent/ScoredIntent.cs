namespace Monitro.Analysis.Intent;

/// <summary>The score of an intent found by score in one text, and where its strongest cue is.</summary>
internal struct ScoredIntent
{
    /// <summary>Gets the sum of the cues that speak for the intent.</summary>
    public double Support { get; private set; }

    /// <summary>Gets the sum of the cues that speak against it (zero or negative).</summary>
    public double Against { get; private set; }

    /// <summary>Gets the score: support plus the cues against.</summary>
    public readonly double Score => Support + Against;

    /// <summary>Gets the weight of the strongest cue for the intent.</summary>
    public double Strongest { get; private set; }

    /// <summary>Gets the start of the strongest cue in the text.</summary>
    public int Start { get; private set; }

    /// <summary>Gets the end of the strongest cue in the text.</summary>
    public int End { get; private set; }

    // The rule of the strongest cue; among equal weights the earlier rule in the table wins, as for phrase-table intents.
    private int _ruleIndex;

    /// <summary>Adds a cue.</summary>
    /// <param name="weight">Its weight; negative when it speaks against the intent.</param>
    /// <param name="start">Where it starts in the text.</param>
    /// <param name="end">Where it ends.</param>
    /// <param name="ruleIndex">The index of its rule, or <see cref="int.MaxValue"/> for a pattern.</param>
    public void Add(double weight, int start, int end, int ruleIndex)
    {
        if (weight < 0)
        {
            Against += weight;
            return;
        }

        if (Support == 0 || weight > Strongest || (weight == Strongest && ruleIndex < _ruleIndex))
        {
            Strongest = weight;
            Start = start;
            End = end;
            _ruleIndex = ruleIndex;
        }

        Support += weight;
    }

    /// <summary>Adds weight to a score that already has a cue, keeping that cue's phrase as the one reported.</summary>
    /// <param name="weight">The weight, above 0.</param>
    public void AddSupport(double weight) => Support += weight;
}
