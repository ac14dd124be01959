using System.Reflection;
using Monitro.Analysis;
using Monitro.Analysis.Intent;
using Monitro.IntentModelTraining;

namespace Monitro.Tests.Analysis;

/// <summary>
/// The training tool reproduces the shipped weights from the shipped data, and the shipped weights read as the model.
/// </summary>
public sealed class IntentModelTrainingTests
{
    // Training is plain double arithmetic in a fixed order; only Math.Exp may differ in its last bit between platforms,
    // so weights are compared within a tolerance far below what moves a decision.
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(IntentLabel.Complaint, "Monitro.Analysis.Intent.complaint-model.bin")]
    [InlineData(IntentLabel.ChurnRisk, "Monitro.Analysis.Intent.churn-model.bin")]
    public void Train_ShippedData_ReproducesTheShippedWeights(IntentLabel label, string resource)
    {
        var directory = Path.GetDirectoryName(SentimentEvaluationSet.Locate("complaints-model-posts.tsv"))!;
        var trained = LinearIntentModelBytes.Weights(IntentModelTrainer.Train(directory, label, _ => { }));
        var shipped = LinearIntentModelBytes.Weights(ReadResource(resource));

        Assert.Equal(shipped.Threshold, trained.Threshold);
        Assert.Equal(shipped.Weights.Length, trained.Weights.Length);
        var largest = 0f;
        for (var i = 0; i < shipped.Weights.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(shipped.Weights[i] - trained.Weights[i]));
        }

        Assert.True(largest <= Tolerance, $"A retrained weight differs from the shipped one by {largest}.");
        Assert.Contains(trained.Weights, weight => weight != 0);
    }

    [Fact]
    public void Read_NotAWeightsFile_Throws()
    {
        Assert.Throws<InvalidDataException>(() => LinearIntentModel.Read("MIM0"u8.ToArray().Concat(new byte[64]).ToArray()));
        Assert.Throws<InvalidDataException>(() => LinearIntentModel.Read(LinearIntentModel.Write(new float[10], 0.5f)));
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(RuleIntentDetector).Assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static class LinearIntentModelBytes
    {
        public static (float Threshold, float[] Weights) Weights(byte[] bytes)
        {
            var threshold = BitConverter.ToSingle(bytes, 8);
            var weights = new float[(bytes.Length - 12) / 4];
            Buffer.BlockCopy(bytes, 12, weights, 0, weights.Length * 4);
            return (threshold, weights);
        }
    }
}
