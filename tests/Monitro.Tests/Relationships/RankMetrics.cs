namespace Monitro.Tests.Relationships;

/// <summary>Rank statistics for evaluating a score against known closeness.</summary>
internal static class RankMetrics
{
    /// <summary>Spearman's rank correlation, with tied values given their average rank.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rankX = Ranks(x);
        var rankY = Ranks(y);
        var meanX = rankX.Average();
        var meanY = rankY.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < rankX.Length; i++)
        {
            covariance += (rankX[i] - meanX) * (rankY[i] - meanY);
            varianceX += (rankX[i] - meanX) * (rankX[i] - meanX);
            varianceY += (rankY[i] - meanY) * (rankY[i] - meanY);
        }

        return covariance / Math.Sqrt(varianceX * varianceY);
    }

    /// <summary>The area under the ROC curve: the chance that a positive scores above a negative, ties counting half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var ranks = Ranks(scores);
        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        var rankSum = 0.0;
        for (var i = 0; i < ranks.Length; i++)
        {
            rankSum += positive[i] ? ranks[i] : 0;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        return ranks;
    }
}
