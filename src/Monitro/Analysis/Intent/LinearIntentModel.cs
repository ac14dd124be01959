using System.Buffers.Binary;
using System.Reflection;

namespace Monitro.Analysis.Intent;

/// <summary>
/// A logistic regression over the features of <see cref="IntentModelFeatures"/>, trained by the repository's
/// <c>tools/intent-model</c> on the project's own labelled posts and shipped as an embedded resource. Scoring a text
/// is one pass over it: a few dozen hashed look-ups, nothing allocated.
/// </summary>
/// <remarks>
/// The weights file is little-endian: the four bytes <c>MIM1</c>, the number of weights (an <see cref="int"/> that must
/// equal <see cref="IntentModelFeatures.Count"/>), the decision threshold on the probability (a <see cref="float"/>),
/// then the weights (<see cref="float"/>s).
/// </remarks>
internal sealed class LinearIntentModel
{
    /// <summary>The first four bytes of a weights file.</summary>
    public static ReadOnlySpan<byte> Magic => "MIM1"u8;

    private static readonly Lazy<LinearIntentModel> ComplaintModel = new(() => FromResource("Monitro.Analysis.Intent.complaint-model.bin"));
    private static readonly Lazy<LinearIntentModel> ChurnModel = new(() => FromResource("Monitro.Analysis.Intent.churn-model.bin"));

    private readonly float[] _weights;

    private LinearIntentModel(float[] weights, float threshold)
    {
        _weights = weights;
        Threshold = threshold;
    }

    /// <summary>Gets the shipped complaint model.</summary>
    public static LinearIntentModel Complaint => ComplaintModel.Value;

    /// <summary>Gets the shipped churn-risk model.</summary>
    public static LinearIntentModel Churn => ChurnModel.Value;

    /// <summary>Gets the probability at which the model reports its intent, chosen by cross-validation on the training posts.</summary>
    public float Threshold { get; }

    /// <summary>Reads a model from the bytes of a weights file.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a weights file for today's features.</exception>
    public static LinearIntentModel Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an intent model weights file.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (count != IntentModelFeatures.Count || bytes.Length != 12 + (4 * count))
        {
            throw new InvalidDataException($"The intent model has {count} weights; the features need {IntentModelFeatures.Count}.");
        }

        var threshold = BinaryPrimitives.ReadSingleLittleEndian(bytes[8..]);
        var weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(12 + (4 * i))..]);
        }

        return new LinearIntentModel(weights, threshold);
    }

    /// <summary>Writes a model's weights file.</summary>
    /// <param name="weights">The weights, <see cref="IntentModelFeatures.Count"/> of them.</param>
    /// <param name="threshold">The decision threshold on the probability.</param>
    /// <returns>The file's bytes.</returns>
    public static byte[] Write(ReadOnlySpan<float> weights, float threshold)
    {
        var bytes = new byte[12 + (4 * weights.Length)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), weights.Length);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(8), threshold);
        for (var i = 0; i < weights.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(12 + (4 * i)), weights[i]);
        }

        return bytes;
    }

    /// <summary>Scores a text.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="signals">The rules' reading of it.</param>
    /// <param name="ruleScoreFeature">The feature that carries the rules' own score for this model's intent, so the explanation can tell when the rules weighed most.</param>
    /// <returns>The probability and the phrase that weighed most for the intent.</returns>
    public IntentModelReading Score(ReadOnlySpan<char> text, in RuleSignals signals, int ruleScoreFeature)
    {
        var sink = new ScoringSink(_weights, ruleScoreFeature);
        IntentModelFeatures.Read(text, signals, ref sink);
        return sink.Reading;
    }

    /// <summary>Scores a text with two models in one reading of its features: each reads the same features, so they are hashed once.</summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="signals">The rules' reading of it.</param>
    /// <param name="first">The first model.</param>
    /// <param name="firstRuleScoreFeature">The feature that carries the rules' own score for the first model's intent.</param>
    /// <param name="second">The second model.</param>
    /// <param name="secondRuleScoreFeature">The feature that carries the rules' own score for the second model's intent.</param>
    /// <returns>Each model's reading, the same as <see cref="Score(ReadOnlySpan{char}, in RuleSignals, int)"/> gives.</returns>
    public static (IntentModelReading First, IntentModelReading Second) Score(
        ReadOnlySpan<char> text,
        in RuleSignals signals,
        LinearIntentModel first,
        int firstRuleScoreFeature,
        LinearIntentModel second,
        int secondRuleScoreFeature)
    {
        var sink = new PairSink(new ScoringSink(first._weights, firstRuleScoreFeature), new ScoringSink(second._weights, secondRuleScoreFeature));
        IntentModelFeatures.Read(text, signals, ref sink);
        return (sink.First.Reading, sink.Second.Reading);
    }

    private static LinearIntentModel FromResource(string name)
    {
        using var stream = typeof(LinearIntentModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Read(bytes);
    }

    // Sums the weights and keeps the n-gram that added the most, for the explanation.
    private struct ScoringSink(float[] weights, int ruleScoreFeature) : IIntentFeatureSink
    {
        public double Sum;
        public double BestContribution;
        public double RuleContribution;
        public int BestStart = -1;
        public int BestEnd = -1;

        public readonly IntentModelReading Reading =>
            new(1 / (1 + Math.Exp(-Sum)), BestStart, BestEnd, RuleContribution >= BestContribution);

        public void Add(int index, float value, int start, int end)
        {
            var contribution = (double)weights[index] * value;
            Sum += contribution;
            if (start >= 0 && contribution > BestContribution)
            {
                BestContribution = contribution;
                BestStart = start;
                BestEnd = end;
            }
            else if (contribution > 0 && IntentModelFeatures.IsRulesReadingOf(index, ruleScoreFeature))
            {
                RuleContribution += contribution;
            }
        }
    }

    // Two models fed by one reading of the features.
    private struct PairSink(ScoringSink first, ScoringSink second) : IIntentFeatureSink
    {
        public ScoringSink First = first;
        public ScoringSink Second = second;

        public void Add(int index, float value, int start, int end)
        {
            First.Add(index, value, start, end);
            Second.Add(index, value, start, end);
        }
    }
}
