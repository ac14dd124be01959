namespace Monitro.Benchmarks.Analysis;

/// <summary>
/// Sixteen posts as a feed delivers them: twelve carry a language tag from their platform, four do not (RSS, Hacker
/// News, Reddit); twelve are English, four German, Spanish, French or Portuguese; some have hashtags, handles and ironic
/// closings.
/// </summary>
internal static class AnalysisFeed
{
    /// <summary>Gets the posts with their language tags (<see langword="null"/> for an untagged post).</summary>
    public static (string Text, string? Tag)[] Posts { get; } =
    [
        ("we're moving the team off Acme at the end of the quarter. support never got back to us lol 🙃", "en"),
        ("Acme support fixed my issue in 10 minutes, amazing service!", "en"),
        ("the new release is really fast but sync broke again", "en"),
        ("still waiting on a reply from support, day 4. great.", "en"),
        ("honestly the new editor is so good, can't recommend it enough #winning", "en"),
        ("anyone using Acme boards for remote teams?", "en"),
        ("SKYPE NEEDS TO DIE IN A FIRE.", "en"),
        ("not bad at all, the onboarding is actually smooth :)", "en"),
        ("Die App stürzt schon wieder ab, echt nervig", "de"),
        ("¿Cómo puedo cambiar mi plan? La factura está mal otra vez", "es"),
        ("Je vais résilier mon abonnement, toujours pas de réseau", "fr"),
        ("O atendimento é péssimo, ninguém responde", "pt"),
        ("Show HN: a tiny CLI that turns Acme exports into spreadsheets", null),
        ("Outage again. Third time this month. #epicfail", null),
        ("Thanks @acme, refund arrived today 👍", null),
        ("Le support m'a aidé tout de suite, merci, c'est génial", null),
    ];
}
