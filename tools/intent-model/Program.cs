using Monitro;
using Monitro.IntentModelTraining;

// Trains the complaint and churn models from the dev parts of the evaluation sets and writes their weights files
// beside the detector. Run from the repository root: dotnet run --project tools/intent-model
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
var data = Path.Combine(root, "tests", "Monitro.Tests", "Analysis");
var output = Path.Combine(root, "src", "Monitro", "Analysis", "Intent");
if (!Directory.Exists(data) || !Directory.Exists(output))
{
    Console.Error.WriteLine($"Run from the repository root, or pass it: {root} has no tests/Monitro.Tests/Analysis or src/Monitro/Analysis/Intent.");
    return 1;
}

foreach (var (label, file) in new[] { (IntentLabel.Complaint, "complaint-model.bin"), (IntentLabel.ChurnRisk, "churn-model.bin") })
{
    var bytes = IntentModelTrainer.Train(data, label, Console.WriteLine);
    File.WriteAllBytes(Path.Combine(output, file), bytes);
    Console.WriteLine($"wrote {file} ({bytes.Length} bytes)");
}

return 0;
