using System.Runtime.CompilerServices;

namespace Monitro.Text;

/// <summary>
/// Tells whether a label is a top-level domain, so that a bare <c>acme.com</c> in a post is read as a link while
/// <c>node.js</c> or <c>tar.bz2</c> is not.
/// </summary>
/// <remarks>
/// The list is the project's own: the two-letter country codes in use and the generic domains people write in
/// posts. It is deliberately not the whole root zone (over a thousand brand and niche names): a bare name under a
/// rare one stays words, while any name of two or more letters is still accepted after <c>http://</c> or
/// <c>https://</c>. Internationalized top-level domains (<c>.한국</c>, <c>.рф</c>) are accepted by their script.
/// </remarks>
internal static class TopLevelDomains
{
    private static readonly SortedStrings Known = new((CountryCodes + " " + Generic).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private const string CountryCodes =
        "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz " +
        "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk " +
        "fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir " +
        "is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk " +
        "ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl " +
        "pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc " +
        "td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

    private const string Generic =
        "com net org edu gov mil int arpa info biz name pro aero coop museum mobi asia tel travel jobs cat post " +
        "app dev page blog shop store online site website tech xyz club live news social cloud design agency media " +
        "art email link click space digital global world today life studio network systems solutions services " +
        "company group center support guru ninja rocks wiki top vip win work fun games game fyi lol love one pub " +
        "red run zip mov phd bio eco law llc inc ltd gmbh academy accountant actor ads africa amsterdam apartments " +
        "audio auto bar beer berlin best bet bike black blue boston build business buzz cafe camera capital care " +
        "careers cash chat city clinic codes coffee community computer consulting cool country courses credit " +
        "dating deals dental diet directory dog domains earth education energy engineering enterprises events " +
        "exchange expert express fans farm fashion film finance fish fitness flowers foundation free fund gallery " +
        "garden gift gold golf graphics green guide health help holdings home host house how immo institute " +
        "insure international investments irish jetzt kitchen land lawyer lgbt limited loan london ltd luxury " +
        "management market marketing mba menu miami moda money movie music nyc observer paris partners party " +
        "photo photography photos pics pink pizza place plus poker press productions properties property pub " +
        "quebec radio realty recipes rent repair report rest review reviews rip sale school science security " +
        "shoes show singles ski soccer software solar style surf swiss systems tattoo tax taxi team technology " +
        "tennis theater tips tokyo tools tours town toys trade training tube university uno vegas ventures vet " +
        "video vision vote voyage wang watch wedding wine works wtf yoga zone google amazon apple microsoft";

    /// <summary>Returns whether a folded ASCII label is a top-level domain on the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsKnown(ReadOnlySpan<char> label) =>
        Known.Contains(label);

    /// <summary>Returns whether a label is an internationalized top-level domain: letters of one non-Latin script, at least two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInternationalized(ReadOnlySpan<char> label)
    {
        if (label.Length < 2 || label[0] < 0x80)
        {
            return false;
        }

        foreach (var rune in label.EnumerateRunes())
        {
            if (rune.IsAscii || CharClass.IsLatinLetter(rune.Value) || !(System.Text.Rune.IsLetter(rune) || CharClass.IsMark(rune)))
            {
                return false;
            }
        }

        return true;
    }
}
