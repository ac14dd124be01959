namespace Monitro.IntentModelTraining;

/// <summary>
/// Logistic regression trained by stochastic gradient descent with L2 regularization on the features a post has.
/// Deterministic: the order of posts in each epoch comes from a seeded <see cref="Random"/>, features are sorted, and
/// the arithmetic is plain doubles in a fixed order.
/// </summary>
public static class LogisticRegression
{
    /// <summary>The seed of the shuffles.</summary>
    public const int Seed = 20261207;

    /// <summary>Trains weights on posts.</summary>
    /// <param name="posts">The posts.</param>
    /// <param name="isPositive">Whether a post has the intent.</param>
    /// <param name="featureCount">The length of the weight vector.</param>
    /// <param name="settings">Epochs, learning rate and regularization.</param>
    /// <returns>The weights.</returns>
    public static double[] Train(IReadOnlyList<TrainingPost> posts, Func<TrainingPost, bool> isPositive, int featureCount, TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(isPositive);
        ArgumentNullException.ThrowIfNull(settings);
        var weights = new double[featureCount];
        var order = Enumerable.Range(0, posts.Count).ToArray();
        var random = new Random(Seed);
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = settings.LearningRate / (1 + (epoch * settings.Decay));
            foreach (var i in order)
            {
                var post = posts[i];
                var error = Probability(weights, post) - (isPositive(post) ? 1 : 0);
                for (var k = 0; k < post.Indexes.Length; k++)
                {
                    var j = post.Indexes[k];
                    if (j < settings.LeftOutFrom || j >= settings.LeftOutFrom + settings.LeftOutCount)
                    {
                        weights[j] -= rate * ((error * post.Values[k]) + (settings.L2 * weights[j]));
                    }
                }
            }
        }

        return weights;
    }

    /// <summary>The probability a model gives a post.</summary>
    /// <param name="weights">The weights.</param>
    /// <param name="post">The post.</param>
    /// <returns>The probability of the intent.</returns>
    public static double Probability(IReadOnlyList<double> weights, TrainingPost post)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(post);
        var sum = 0.0;
        for (var k = 0; k < post.Indexes.Length; k++)
        {
            sum += weights[post.Indexes[k]] * post.Values[k];
        }

        return 1 / (1 + Math.Exp(-sum));
    }
}

/// <summary>The settings of a training run.</summary>
/// <param name="Epochs">Passes over the posts.</param>
/// <param name="LearningRate">The first epoch's step.</param>
/// <param name="Decay">How fast the step shrinks: the rate of epoch e is the first rate / (1 + e × decay).</param>
/// <param name="L2">The weight of the L2 penalty.</param>
/// <param name="LeftOutFrom">The first of the features never trained (their weights stay 0), so the model can be tried without the rules' score or decision.</param>
/// <param name="LeftOutCount">How many features from it are left out (0: none).</param>
public sealed record TrainingSettings(int Epochs, double LearningRate, double Decay, double L2, int LeftOutFrom = 0, int LeftOutCount = 0);
