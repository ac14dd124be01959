using System.Reflection;
using Monitro.Matching;
using Monitro.Pipeline;
using Monitro.Replay;
using Monitro.Text;

namespace Monitro.Tests.Matching;

/// <summary>
/// The methods a post goes through in <see cref="MentionMatcher.Match"/> ask to be compiled optimized at their first
/// call: without it a process that sees one CPU runs them unoptimized for seconds (the runtime waits for a
/// second-long quiet spell with no newly called method before it optimizes anything, and a stream of posts keeps
/// reaching code for the first time).
/// </summary>
public sealed class HotPathCompilationTests
{
    public static TheoryData<Type, string> HotMethods => new()
    {
        { typeof(MentionMatcher), nameof(MentionMatcher.Match) },
        { typeof(MatcherSnapshot), nameof(MatcherSnapshot.Collect) },
        { typeof(MatcherSnapshot), "get_Item" },
        { typeof(MentionMatcher), "MergeSpans" },
        { typeof(MentionMatcher), "TakeSorted" },
        { typeof(WatchIndex), nameof(WatchIndex.Collect) },
        { typeof(AhoCorasick), nameof(AhoCorasick.Scan) },
        { typeof(CandidateSet), nameof(CandidateSet.AddAll) },
        { typeof(PostingTable), nameof(PostingTable.TryGetValue) },
        { typeof(PrefixTable), nameof(PrefixTable.Collect) },
        { typeof(PostContext), nameof(PostContext.Load) },
        { typeof(PostContext), nameof(PostContext.LoadAround) },
        { typeof(TextAnalysis), nameof(TextAnalysis.Tokenize) },
        { typeof(TextAnalysis), nameof(TextAnalysis.ClearTokens) },
        { typeof(PostTermTable), nameof(PostTermTable.Build) },
        { typeof(PostTermTable), nameof(PostTermTable.Find) },
        { typeof(TextAnalysis), nameof(TextAnalysis.Analyze) },
        { typeof(TextFolder), nameof(TextFolder.Fold) },
        { typeof(SocialTokenizer), nameof(SocialTokenizer.Tokenize) },
        { typeof(QueryEvaluator), nameof(QueryEvaluator.Evaluate) },
        { typeof(QueryEvaluator), "AddHits" },
        { typeof(QueryEvaluator), "AddOccurrences" },
        { typeof(QueryEvaluator), nameof(QueryEvaluator.CollectSpans) },
        { typeof(QueryEvaluator), nameof(QueryEvaluator.Match) },
        { typeof(QueryEvaluator), "Rent" },
        { typeof(QueryEvaluator), "Return" },
        { typeof(PositionalMerge), nameof(PositionalMerge.Minimize) },
        { typeof(EntityWordMatcher), "Scan" },
        { typeof(EntityWordMatcher), "PartAt" },
        { typeof(WatchIndex), "AddPattern" },
        { typeof(WatchIndex), "AddEntityPattern" },
        { typeof(CandidateSet), nameof(CandidateSet.Reset) },
        { typeof(WatchIndex), "LookUpEntityWords" },
        { typeof(PartSegmentations), nameof(PartSegmentations.Of) },
        { typeof(PartSegmentations), "Segment" },
        { typeof(EntityWordMatcher), "IsBoundary" },
        { typeof(WordSegmenter), nameof(WordSegmenter.Segment) },
        { typeof(WordTrie), nameof(WordTrie.Child) },
        { typeof(WordSegmenter), "Load" },
        { typeof(TextFolder), "FoldRune" },
        { typeof(TextFolder), "AppendRune" },
        { typeof(FoldedText), nameof(FoldedText.AppendAscii) },
        { typeof(TextAnalysis), nameof(TextAnalysis.Add) },
        { typeof(DomainNames), nameof(DomainNames.RegistrableDomain) },
        { typeof(TopLevelDomains), nameof(TopLevelDomains.IsKnown) },
        { typeof(TopLevelDomains), nameof(TopLevelDomains.IsInternationalized) },
        { typeof(SortedStrings), nameof(SortedStrings.Contains) },
        { typeof(PostContext), nameof(PostContext.FoldHandle) },
        { typeof(PostContext), "get_Terms" },
        { typeof(Hit), nameof(Hit.Of) },
        { typeof(Hit), nameof(Hit.Spanning) },
        { typeof(MatcherSnapshot), nameof(MatcherSnapshot.Prefilter) },
        { typeof(MatcherSnapshot), "Scan" },
        { typeof(MatcherSnapshot), "Decide" },
        { typeof(MatcherSnapshot), "HasLinks" },
        { typeof(WatchIndex), nameof(WatchIndex.TryDecide) },
        { typeof(AhoCorasick), nameof(AhoCorasick.CollectHits) },
        { typeof(AhoCorasick), nameof(AhoCorasick.StartsWithPattern) },
        { typeof(AhoCorasick), nameof(AhoCorasick.CollectStartingAt) },
        { typeof(AnchorWindowFilter), nameof(AnchorWindowFilter.ContainsAny) },
        { typeof(AnchorWindowFilter), nameof(AnchorWindowFilter.CollectHits) },
        { typeof(AnchorWindowFilter), "FindCandidates" },
        { typeof(AnchorWindowFilter), "MapVectors" },
        { typeof(MentionMatcher), "LoadCandidates" },
        { typeof(MentionMatcher), "AddKeywordMentions" },
        { typeof(WatchIndex), "AddKeywordHits" },
        { typeof(KeywordHits), nameof(KeywordHits.Add) },
        { typeof(KeywordHits), nameof(KeywordHits.Reset) },
        { typeof(KeywordHits), nameof(KeywordHits.SortByWatch) },
        { typeof(KeywordHits), nameof(KeywordHits.RunEnd) },
        { typeof(KeywordHits), nameof(KeywordHits.WatchAt) },
        { typeof(KeywordHits), nameof(KeywordHits.Contains) },
        { typeof(KeywordHits), nameof(KeywordHits.AddSpans) },
        { typeof(SegmentationCache), nameof(SegmentationCache.TryGet) },
        { typeof(SegmentationCache), nameof(SegmentationCache.Add) },

        // The rest of the pipeline's per-post and per-batch path.
        { typeof(PostJsonReader), nameof(PostJsonReader.TryRead) },
        { typeof(PostJsonReader), "TryReadObject" },
        { typeof(BatchProcessor), "SelectCandidates" },
        { typeof(BatchProcessor), "EnrichAndRelate" },
        { typeof(global::Monitro.Relationships.RelationshipRegistry), "AdvanceLocked" },
        { typeof(PostNormalizer), nameof(PostNormalizer.Normalize) },
        { typeof(PostNormalizer), "Check" },
        { typeof(Utf8LineReader), nameof(Utf8LineReader.TryReadLine) },
        { typeof(RecentItems<bool>), nameof(RecentItems<bool>.TryAdd) },
        { typeof(InMemoryMonitroStore), nameof(InMemoryMonitroStore.CommitAsync) },
        { typeof(JsonLineCursor), nameof(JsonLineCursor.TryTakeString) },
        { typeof(JsonLineCursor), "IndexOfSpecial" },
        { typeof(RawJsonString), nameof(RawJsonString.TryDecode) },
        { typeof(IsoTimestamp), nameof(IsoTimestamp.TryParse) },
        { typeof(WaitingBatches), nameof(WaitingBatches.Join) },
        { typeof(InteractionBuilder), nameof(InteractionBuilder.Build) },

        // The analysis of each matched post and the evaluation of each person a batch touches.
        { typeof(LexiconSentimentAnalyzer), "BuildUnits" },
        { typeof(global::Monitro.Analysis.Sentiment.SentimentTokenizer), "Tokenize" },
        { typeof(global::Monitro.Relationships.PersonScorer), "Evaluate" },
        { typeof(global::Monitro.Relationships.BondScore), "Measure" },
        { typeof(global::Monitro.Relationships.RoleRules), "Decide" },
    };

    // Classes whose every method runs per post (the tokenizer's and link scanner's helpers, character classes, the
    // positional merges and short sorts): a helper added later is compiled optimized at once too. Left unmarked, such
    // helpers stayed unoptimized through a whole 200,000-post stream on one core.
    public static TheoryData<Type> PerPostTypes => new()
    {
        typeof(SocialTokenizer),
        typeof(LinkScanner),
        typeof(CharClass),
        typeof(PositionalMerge),
        typeof(EntityWordMatcher),
        typeof(SmallSort),
        typeof(HitRegions),
    };

    // The decider's per-post methods (its building methods run once per index).
    public static TheoryData<string> DeciderMethods => new()
    {
        nameof(WordHitDecider.TryDecide), "WholeWords", "DecideWords", "DecideAroundHits", "ObstacleAt", "AddSpans", "PhraseAround", "WordBefore", "WordAfter", "PlaceOf", "StartsRun", "EndsRun", "IsSpace", "IsSentenceMark",
    };

    [Theory]
    [MemberData(nameof(DeciderMethods))]
    public void DeciderMethod_IsCompiledOptimizedAtItsFirstCall(string name) => HotMethod_IsCompiledOptimizedAtItsFirstCall(typeof(WordHitDecider), name);

    [Theory]
    [MemberData(nameof(PerPostTypes))]
    public void EveryMethodOfAPerPostType_IsCompiledOptimizedAtItsFirstCall(Type type)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false) && !m.IsSpecialName)
            .ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.True(
            m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{type.Name}.{m.Name} is not marked to be compiled optimized at its first call"));
    }

    [Theory]
    [MemberData(nameof(HotMethods))]
    public void HotMethod_IsCompiledOptimizedAtItsFirstCall(Type type, string name)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == name)
            .ToList();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.True(
            m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{type.Name}.{name} is not marked to be compiled optimized at its first call"));
    }
}
