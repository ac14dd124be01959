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
            total += F1(expected, predicted, label);
        }

        return total / labels.Length;
    }

    /// <summary>Macro F1 of positive vs negative on the posts a human rated positive or negative, by the sign of the score (0 counts as wrong).</summary>
    public static double PolarityF1(IReadOnlyList<SentimentLabel> expected, IReadOnlyList<double> compounds)
    {
        var gold = new List<SentimentLabel>();
        var predicted = new List<SentimentLabel>();
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] == SentimentLabel.Neutral)
            {
                continue;
            }

            gold.Add(expected[i]);
            predicted.Add(compounds[i] > 0 ? SentimentLabel.Positive : compounds[i] < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral);
        }

        return (F1(gold, predicted, SentimentLabel.Positive) + F1(gold, predicted, SentimentLabel.Negative)) / 2;
    }

    /// <summary>The share of posts a human did not rate neutral whose score is exactly 0.</summary>
    public static double ZeroShare(IReadOnlyList<SentimentLabel> expected, IReadOnlyList<double> compounds)
    {
        var polar = 0;
        var zero = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] != SentimentLabel.Neutral)
            {
                polar++;
                zero += compounds[i] == 0 ? 1 : 0;
            }
        }

        return polar == 0 ? 0 : zero / (double)polar;
    }

    /// <summary>F1 of one class against the rest.</summary>
    public static double F1(IReadOnlyList<SentimentLabel> expected, IReadOnlyList<SentimentLabel> predicted, SentimentLabel label)
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
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
