namespace Monitro.Tests.Relationships;

/// <summary>The draws the model networks make from a seeded generator.</summary>
internal static class RandomDraws
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A Poisson draw with the given mean.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean > 30)
        {
            // Normal approximation; the exact method below underflows for large means.
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Gaussian())));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit && count < 10_000; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>Draws an index with the given shares (which sum to 1); the last index takes any rounding left.</summary>
    public static int Pick(this Random random, IReadOnlyList<double> shares)
    {
        var roll = random.NextDouble();
        for (var index = 0; index < shares.Count; index++)
        {
            roll -= shares[index];
            if (roll < 0)
            {
                return index;
            }
        }

        return shares.Count - 1;
    }
}
