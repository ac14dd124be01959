namespace Monitro.Analysis.Intent;

/// <summary>Receives the rules' reading of each English text the detector reads: how the training tool collects its features.</summary>
/// <param name="normalized">The normalized text.</param>
/// <param name="signals">The rules' reading of it.</param>
internal delegate void RuleSignalsObserver(ReadOnlySpan<char> normalized, in RuleSignals signals);
