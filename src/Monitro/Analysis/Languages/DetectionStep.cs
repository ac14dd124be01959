namespace Monitro.Analysis.Languages;

/// <summary>Which step of the <see cref="LanguageDetector"/> decided a detection; the measure of its cost.</summary>
internal enum DetectionStep
{
    /// <summary>The text has no words: unknown, at no cost.</summary>
    NoWords,

    /// <summary>The function words named the language: a few microseconds.</summary>
    FunctionWords,

    /// <summary>Too few words for the models and no clear function words: unknown, at no further cost.</summary>
    TooShort,

    /// <summary>The statistical models were asked: the expensive step.</summary>
    Models,

    /// <summary>Enough words, but none of them in the Latin script of the languages the detector knows: unknown, at no further cost.</summary>
    OtherScript,
}
