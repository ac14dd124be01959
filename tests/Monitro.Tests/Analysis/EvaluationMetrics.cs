namespace Monitro.Tests.Analysis;

/// <summary>The figures used to evaluate the sentiment analyzer.</summary>
internal static class EvaluationMetrics
{
    public static double PearsonCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return covariance / Math.Sqrt(varianceX * varianceY);
    }

    public static double MacroF1(IReadOnlyList<SentimentLabel> expected, IReadOnlyList<SentimentLabel> predicted)
    {
        var labels = new[] { SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative };
        var total = 0.0;
        foreach (var label in labels)
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (var i = 0; i < expected.Count; i++)
            {
                var isExpected = expected[i] == label;
                var isPredicted = predicted[i] == label;
                truePositives += isExpected && isPredicted ? 1 : 0;
                falsePositives += !isExpected && isPredicted ? 1 : 0;
                falseNegatives += isExpected && !isPredicted ? 1 : 0;
            }

            var precision = truePositives + falsePositives == 0 ? 0 : truePositives / (double)(truePositives + falsePositives);
            var recall = truePositives + falseNegatives == 0 ? 0 : truePositives / (double)(truePositives + falseNegatives);
            total += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return total / labels.Length;
    }
}
