"""Contact requests in the languages beyond the first six: Italian, Polish, Turkish, Indonesian, Tagalog(-English),
Hindi-English (romanised) and Arabic (script, and the romanised words people type). The plain view reads the
Turkish dotless "ı" as "i", so the Turkish words are written with "i".

Data, not logic: each language is a `Lexicon` of word lists (the detail words, "give me your …", "my …",
"write/call/add me", the app with a postposition, "outside the platform"), and `phrases()` turns each list into one
named `Phrase` of `request.py`'s table, so these phrases go through the same RE2 prefilter as the others and a
message without their words pays nothing beyond the shared automaton. The words are soft findings, like the
English ones: negation and on-platform talk cancel them (`context.py` knows these languages' "not").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from marketguard.core.detectors.pattern import Phrase

_APPS = (
    r"(?:whats\s?app|wa|telegram|tg|viber|signal|instagram|insta|ig|messenger|fb|facebook|skype|discord|line|wechat)"
)
"""The apps these phrases name, as written in any of the languages below (the app detector knows them all)."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's words for asking for, offering and moving to an outside contact. Each field is a regex
    alternation (lower-case; the plain view is lower-case) or empty when the language needs no such phrase."""

    code: str
    ask: str
    """Asking for the other party's detail: "dammi il tuo numero", "podaj swój numer", "number bhejo"."""
    mine: str
    """Offering the sender's own detail: "il mio numero", "mój mail", "numaram", "nomor saya", "mera number"."""
    write: str
    """"Write/call/text/add me", on an app or not: "scrivimi", "napisz do mnie", "bana yaz", "hubungi aku"."""
    outside: str
    """Off the platform: "fuori dalla piattaforma", "poza platformą", "site dişinda", "di luar platform"."""
    on_app: str = ""
    """The app with the language's postposition and a verb: "whatsapp pe baat karte", "WhatsApp'tan yaz"."""


_IT_DETAIL = (
    r"(?:numero(?:\sdi\s(?:telefono|cellulare|whats\s?app))?|telefono|cellulare|cell|e-?mail|mail|indirizzo\s(?:e-?)?mail|"
    r"posta(?:\selettronica)?|whats\s?app|telegram|contatt[oi]|recapito)"
)
_PL_DETAIL = (
    r"(?:numer(?:\stelefonu|\skomórki|\sna\swhats\s?appa?)?|telefon|komórk[aęi]|e-?mail|maila?|adres\s(?:e-?)?mail\w*|"
    r"whats\s?app\w*|telegram\w*|kontakt)"
)
_TR_DETAIL_ACC = (
    r"(?:numaran(?:i|izi)|telefonun(?:u|uzu)|mail(?:ini|inizi)|e-?postan(?:i|izi)|iletişim\sbilgin\w*)"
)
_TR_DETAIL_MINE = r"(?:numaram|telefonum|mailim|e-?postam|whats\s?app(?:im)|telegram(?:im)|iletişim\sbilgilerim)"
_ID_DETAIL = (
    r"(?:nom[oe]r(?:\s(?:hp|wa|whats\s?app|wasap|watsap|telepon|telpon|hape))?|no\.?\s?(?:hp|wa|telp)|hp|wa|whats\s?app|e-?mail|surel|"
    r"telegram|kontak)"
)
_TL_DETAIL = (
    r"(?:number|numero|num|cp(?:\s(?:number|no\.?|\#))?|cellphone\snumber|e-?mail|contact(?:\snumber)?|viber|whats\s?app|"
    r"fb|facebook|messenger|ig|insta(?:gram)?|telegram|tg|skype|discord)"
)
_HI_DETAIL = (
    r"(?:whats\s?app\s(?:number|no\.?)|number|no\.?|nambar|mobile(?:\snumber)?|phone\snumber|e-?mail(?:\sid)?|mail\sid|"
    r"contact(?:\snumber)?)"
)
_HI_NOT_A_REF = (
    r"(?<!order\s)(?<!invoice\s)(?<!tracking\s)(?<!ticket\s)(?<!account\s)(?<!ref\s)(?<!roll\s)(?<!serial\s)"
    r"(?<!model\s)(?<!bill\s)(?<!challan\s)"
)
"""Not an order, invoice, ticket … number ("order number bhejo", "bill number de dunga")."""
_AR_DETAIL = (
    r"(?:رقم(?:ك|كم|ي)|رقم\s(?:الواتس|الواتساب|جوالك|هاتفك|تلفونك|تليفونك|موبايلك|جوّالك)|(?:ا|إ|أ)يميل(?:ك|كم|ي)|بريدك|واتساب(?:ك|ي)|واتسك)"
)

LEXICONS: tuple[Lexicon, ...] = (
    Lexicon(
        "it",
        ask=rf"\b(?:dammi|mandami|passami|inviami|lasciami|scrivimi|qual\s[èe]|mi\s(?:dai|passi|mandi|lasci|scrivi)|"
        rf"(?:puoi|potresti|pu[òo]|potrebbe)\s(?:darmi|passarmi|mandarmi|inviarmi|lasciarmi))\s(?:il\s|la\s|l')?"
        rf"(?:tuo|tua|suo|sua)\s{_IT_DETAIL}\b(?!\s(?:di|del|della)\s(?:partita|ordine|fattura|serie|pratica|spedizione|conferma))",
        mine=rf"\b(?:il\s|la\s|ecco\sil\s|ecco\sla\s)?(?:mio|mia)\s{_IT_DETAIL}(?:\s[èe]\b|\s?[:=])",
        write=r"\b(?:scrivimi|chiamami|contattami|aggiungimi|sentiamoci|mandami\sun\s(?:messaggio|whats\s?app|sms|vocale|messaggino)|"
        r"(?:possiamo|potremmo|preferisco)\s(?:sentirci|parlarci|parlare|continuare|spostarci)\s(?:per|al|su|via|in)\s(?:telefono|whats\s?app|"
        r"telegram|privato)|ti\s(?:chiamo|scrivo)\s(?:su|al|sul)\s(?:whats\s?app|telegram|cellulare|numero)|"
        r"scrivimi\s(?:su|a|al|in)\b|cercami\s(?:su|come)\b|trovami\s(?:su|come)\b)"
        r"(?!\s(?:qui|qua|sulla\spiattaforma|in\schat))",
        outside=r"\bfuori\s(?:dalla|della)\s(?:piattaforma|app|sito)\b(?![^.!?\n]{0,50}?\b(?:commission\w*|pag\w*|tariffa))",
    ),
    Lexicon(
        "pl",
        ask=rf"\b(?:daj\s(?:mi\s)?|podaj(?:\smi)?\s|wyślij\smi\s|wyslij\smi\s|prześlij\smi\s|przeslij\smi\s|jaki\s(?:jest|masz)\s|"
        rf"(?:możesz|mozesz|mógłbyś|moglbys|mogłabyś|może\span|może\spani)\s(?:mi\s)?(?:dać|dac|podać|podac|wysłać|wyslac)\s)"
        rf"(?:swój\s|swoj\s|twój\s|twoj\s|swoją\s|twoją\s|pana\s|pani\s)?{_PL_DETAIL}\b"
        r"(?!\s(?:zamówienia|zamowienia|faktury|konta|zlecenia|seryjny|nip|przesyłki|przesylki|referencyjny))",
        mine=rf"\b(?:mój|moj|moja|to\smój|oto\smój)\s{_PL_DETAIL}(?:\s(?:to|jest)\b|\s?[:=])",
        write=r"\b(?:napisz\sdo\smnie|zadzwoń\sdo\smnie|zadzwon\sdo\smnie|pisz\sdo\smnie|dodaj\smnie|odezwij\ssię|odezwij\ssie|"
        r"skontaktuj\ssię\sze\smną|skontaktuj\ssie\sze\smna|napisz\sna\s(?:whats\s?app\w*|telegram\w*|maila|priv\w*|numer)|"
        r"przejdźmy\sna|przejdzmy\sna|pogadajmy\sna|znajdź\smnie\sna|znajdz\smnie\sna)\b"
        r"(?!\s(?:tutaj|tu\b|na\s(?:platformie|portalu|czacie)))",
        outside=r"\bpoza\s(?:platformą|platforma|portalem|serwisem|stroną|strona)\b(?![^.!?\n]{0,50}?\b(?:prowizj\w*|płac\w*|plac\w*|zapła\w*|przelew\w*))",
    ),
    Lexicon(
        "tr",
        ask=rf"(?<!sipariş\s)(?<!siparis\s)(?<!fatura\s)(?<!kargo\s)(?<!takip\s)\b{_TR_DETAIL_ACC}\s(?:ver|verir\smisin|verebilir\smisin(?:iz)?|alabilir\smiyim|atar\smisin|atar\smisin|"
        rf"gönder|gonder|yaz(?:ar\smisin)?|paylaş|paylas)\w*",
        mine=rf"\b{_TR_DETAIL_MINE}\b(?=\s?(?::|=|\+|\d|[a-z0-9._]+@|şu|su\b))",
        write=r"\b(?:bana\s(?:yaz|ulaş|ulas|mesaj\sat|ara|dm\sat)\w*|beni\s(?:ara|ekle)\w*|benimle\s(?:iletişime|iletisime)\sgeç\w*)",
        outside=r"\b(?:site|platform|uygulama)\s(?:dişinda|disinda|dişindan|disindan|dişi)\b"
        r"(?![^.!?\n]{0,50}?\b(?:komisyon\w*|öde\w*|ode\w*))",
        on_app=rf"\b{_APPS}'?(?:tan|dan|ten|den|ta|da|te|de|a|e|ya|ye)\s(?:beni\s|bana\s)?(?:yaz|ulaş|ulas|ekle|bul|ara|konuş|konus|"
        r"geç|gec|devam)\w*",
    ),
    Lexicon(
        "id",
        ask=rf"\b(?:(?:boleh\s)?minta|kirim(?:in|kan)?|bagi(?:in)?|kasih|share)\s(?:dong\s|ya\s|aja\s)?{_ID_DETAIL}"
        r"(?:\s?(?:nya|mu|kamu|anda|kak|gan|sis|bro))?\b(?!\s?(?:pesanan|invoice|resi|order|rekening|faktur|seri))",
        mine=rf"\b(?:ini\s)?{_ID_DETAIL}\s?(?:ku|saya|aku|gue|gw)\b(?=\s?(?::|=|\+|\d|[a-z0-9._]+@|ya\b|ini\b|adalah\b))",
        write=r"\b(?:hubungi|chat|telpon|telepon|kontak|call|wa|whatsapp|dm)\s(?:aku|saya|gue|gw)(?:\saja|\sya|\sdi|\slewat|\svia)?\b"
        r"|\bjapri\b|\b(?:lanjut|ngobrol|chat|lanjutkan)\s(?:di|lewat|via|ke)\s(?:wa|whats\s?app|telegram|ig|dm)\b",
        outside=r"\bdi\sluar\s(?:platform|situs|aplikasi|sini)\b(?![^.!?\n]{0,50}?\b(?:bayar|fee|komisi|biaya|transfer))",
    ),
    Lexicon(
        "tl",
        ask=rf"\b(?:pahingi|pa-?hingi|hingi|penge|bigay|pabigay|ano|makuha|mahingi|kunin|hingin|ibigay)\s"
        rf"(?:po\s|naman\s|na\s|ng\s|ang\s|yung\s|ko\s|ba\s)*{_TL_DETAIL}"
        r"(?:\s(?:mo|niyo|ninyo|nyo))\b",
        mine=rf"\b(?:eto|ito|heto)\s(?:po\s)?(?:ang\s|yung\s)?{_TL_DETAIL}\sko\b"
        # "number ko po: …", "viber ko ay …": the detail with "my" after it, then what it is
        rf"|\b{_TL_DETAIL}\sko(?:\spo)?\s?(?::|=|ay\b|is\b)",
        write=r"\b(?:i-?text|i-?message|i-?chat|i-?pm|i-?add|tawagan|i-?call)\s(?:mo\s|niyo\s|nyo\s)?(?:na\s)?(?:lang\s)?(?:po\s)?ako\b"
        # "add mo ako sa FB", "message mo na lang ako": the English verb with "mo" after it
        r"|\b(?:add|text|message|chat|pm|call|follow|contact)\s(?:mo|niyo|nyo)\s(?:na\s)?(?:lang\s)?(?:po\s)?ako\b(?!\s(?:dito|here|sa\splatform))"
        # "mag-usap tayo sa Viber", "lipat tayo sa Telegram"
        rf"|\b(?:mag-?usap|usap|lipat|mag-?chat|chat|tuloy)\s(?:na\s)?tayo\s(?:sa|through)\s{_APPS}\b"
        r"|\b(?:text|call|chat|message|pm|add)\s(?:mo\s)?(?:na\s)?lang\s(?:po\s)?(?:ako|me)\b(?!\s(?:dito|here|sa\splatform))"
        rf"|\bsa\s{_APPS}\s(?:na\s)?(?:lang|tayo|mo\s(?:ako|na\slang))\b",
        outside=r"\bsa\slabas\sng\s(?:platform|site|app)\b(?![^.!?\n]{0,50}?\b(?:bayad|fee|gcash))",
    ),
    Lexicon(
        "hi",
        ask=rf"\b(?:(?:apna|apni|aapka|aapki|apka|apki|tumhara|tera|teri)\s{_HI_DETAIL}\s(?:do|de\sdo|dedo|dijiye|dena|"
        r"bhejo|bhej\sdo|bhejiye|bhejna|send\skaro|share\skaro|share\skijiye|batao|bataiye)"
        rf"|{_HI_NOT_A_REF}{_HI_DETAIL}\s(?:bhejo|bhej\sdo|bhejiye|dijiye|de\sdo|dedo|send\skaro|share\skaro|batao|bataiye|milega|mil\ssakta)"
        # Bengali in Latin letters: "apnar phone number ta diben?", "tomar email ta dao"
        r"|(?:apnar|tomar|tor)\s(?:phone\s|mobile\s|whats\s?app\s|imo\s)?(?:number|nombor|nambar|email|mail)\s(?:ta\s|ti\s)?"
        r"(?:diben|din|dao|den|deben|pathan|pathao|dite\sparben))\b",
        mine=rf"\b(?:mera|meri|hamara|humara)\s{_HI_DETAIL}(?:\s(?:hai|he|h|ye\shai|yeh\shai|note\skaro|likho|lo)\b|\s?[:=])"
        # "main apna number de dunga", "number bhej deta hoon": the sender's own detail, offered
        rf"|\b(?:(?:apna|mera|meri|apni)\s)?{_HI_NOT_A_REF}{_HI_DETAIL}\s(?:de\s|bhej\s|share\skar\s)?(?:dunga|dungi|doonga|doongi|deta\shoon|"
        r"deti\shoon|bhejta\shoon|bhejti\shoon|bhejunga|bhejungi|kar\sdunga)\b",
        write=r"\b(?:mujhe|muje|mujko|humein|hume)\s(?:call|message|msg|whats\s?app|email|mail|text|ping)\s(?:karo|kijiye|kar\sdo|"
        r"karna|karein|kare|kar\sdena|kar\sdein|kar\sdijiye|kar\sden)\b|\b(?:call|message|msg|whats\s?app|mail|ping)\s(?:kar\sdo|karo|kijiye|kar\sdena)\s(?:mujhe|muje)\b",
        outside=r"\bplatform\s(?:ke\s|se\s)?bahar\b(?![^.!?\n]{0,50}?\b(?:pay\w*|paise|paisa|fee|commission))",
        on_app=rf"\b{_APPS}\s(?:pe|par|pr)\s(?:baat|msg|message|contact|call|aa\w*|add|bhej\w*|connect|milte|chat)\w*",
    ),
    Lexicon(
        "ar",
        ask=rf"(?:ارسل|أرسل|ابعت|ابعث|اعطني|أعطني|عطني|هات|شو|ما\sهو|ممكن|ابغى|أبغى|بدي)\s(?:لي\s|لو\sسمحت\s)?{_AR_DETAIL}"
        r"|\b(?:ab3atli|ib3atli|3tini|a3tini|hat)\s(?:ra2mak|raqmak|raqamak|nimritak|emailak)\b",
        mine=r"(?:رقمي|ايميلي|إيميلي|واتسابي|رقم\sالواتس\sتبعي|رقم\sالواتس\sتاعي)(?=\s?(?::|هو|=|\+|\d|[٠-٩]))"
        # "رقمي على واتساب …" (my number on WhatsApp), "رقمي يبدأ بـ" (my number starts with)
        r"|(?:رقمي|رقم\sجوالي|رقم\sهاتفي)\s(?:على|ع|في)\s(?:ال)?(?:واتساب|واتس|تيليجرام|تلغرام|فايبر)"
        r"|(?:رقمي|رقم\sجوالي|رقم\sهاتفي|ايميلي)\s(?:\S+\s){0,3}?(?:يبدأ|يبدا)\s(?:ب|بـ)"
        r"|\b(?:ra2mi|raqmi|raqami|nimriti)\b(?=\s?(?::|=|\+|\d|huwa))",
        write=r"(?:كلمني|كلّمني|راسلني|اتصل\sبي|تواصل\sمعي|ابعتلي|ابعثلي|ضيفني|كلمني\sعلى|خلينا\sنكمل\sعلى|خلينا\sنحكي\sعلى)"
        # not "ابعتلي الملفات هنا في الشات" (send me the files here in the chat)
        r"(?![^.!?\n]{0,30}?(?:هنا|في\sالشات|على\sالمنصة))"
        r"|\b(?:kalemni|kallimni|kalimni|ab3atli\s(?:3la|3al)|kalemni\s(?:3la|3al)|whatsappni)\b"
        r"(?!\s(?:hena|hon|hina|fel\schat|fi\sel\schat|3al\splatform))",  # not "kalemni hena fel chat" (here)
        outside=r"خارج\s(?:المنصة|الموقع|التطبيق)(?![^.!?\n]{0,50}?(?:ادفع|الدفع|عمولة|العمولة))",
    ),
)


def lexicon_phrases(lexicons: Iterable[Lexicon]) -> list[Phrase]:
    """One phrase per filled field of each lexicon, named `<code>-<field>` like `es-ask`, `ru-outside`: the one
    shape every language table (`request_langs_more`, `request_asia`) registers its lexicons in."""
    out: list[Phrase] = []
    for lex in lexicons:
        for field, regex, score, what in (
            ("ask", lex.ask, 0.85, "asks for a contact detail"),
            ("mine", lex.mine, 0.75, "offers a contact detail"),
            ("write", lex.write, 0.75, "asks to be contacted"),
            ("outside", lex.outside, 0.8, "proposes to continue off the platform"),
            ("on-app", lex.on_app, 0.8, "proposes to continue on an outside app"),
        ):
            if regex:
                out.append(Phrase(f"{lex.code}-{field}", regex, "contact.request", score, f"{what} ({lex.code})"))
    return out


def phrases() -> tuple[Phrase, ...]:
    """The lexicons' phrases (`lexicon_phrases`), then the app question of the languages that need one."""
    out = lexicon_phrases(LEXICONS)
    out.append(Phrase("have-app-abroad", HAVE_APP, "contact.request", 0.8, "asks if the other party has an app"))
    return tuple(out)


_HAVE_APPS = (
    r"(?:whats\s?app|wa|telegram|tg|viber|signal|insta(?:gram)?|ig|messenger|fb|facebook|skype|discord|line|wechat|zalo|kakao)"
)
HAVE_APP = (
    # "do you have <app>?", "let's talk on <app>", in the languages whose app names need a word of the language around
    # them: tl "may viber ka ba?", "mag-usap tayo sa messenger"; vi "bạn có zalo không?"; id "kak ada WA gak?";
    # tr "telegramın var mı?"; ru "у тебя есть телега?"; ar "عندك تيليجرام؟"
    rf"\bmay\s{_HAVE_APPS}\s(?:ka|kayo|po\s?kayo|ba\s?kayo)\b|\bmag-?usap\s(?:\w+\s){{0,2}}?sa\s{_HAVE_APPS}\b"
    rf"|\b(?:b[aạ]n|anh|ch[iị]|em|c[aậ]u)\s(?:c[oó]|d[uù]ng|x[aà]i)\s{_HAVE_APPS}\s(?:kh[oô]ng|ko|k|ch[uư]a)\b"
    rf"|\b(?:ada|punya|pake|pakai)\s{_HAVE_APPS}\s(?:gak|nggak|ga|enggak|ngga|tidak|ndak)\b"
    # "ada ig kak?": the question mark, after a form of address at most
    rf"|\b(?:ada|punya)\s{_HAVE_APPS}\s?(?:kak|mas|mbak|mba|bang|gan|sis|bro|pak|bu)?\s?\?"
    rf"|\b{_HAVE_APPS}'?(?:in|iniz|un|unuz)\s(?:var\s?mi|varmi)\b"
    r"|(?:у|y)\s(?:тебя|вас)\sесть\s(?:телег[аи](?!\s(?:с|c|со|co)\s)|телеграм\w*|тг|ватсап|вотсап|вайбер|viber|whats\s?app|telegram|signal|сигнал)"
    # uk: "у тебе є телеграм?", "є вайбер?"
    r"|(?:(?:у|y)\s(?:тебе|вас)\s|^|[,.!?]\s?|\bа\s)є\s(?:телеграм\w*|телег[аиу]|тг|ватсап|вотсап|вайбер|viber|whats\s?app|telegram|signal|сигнал)"
    r"|(?:عندك|عندكم|معك|فيه\sعندك)\s(?:ال)?(?:تيليجرام|تليجرام|تلغرام|تيليغرام|واتساب|واتس|فايبر|سيجنال|سكايب)"
)
"""Asking if the other party has an outside app, in tl, vi, id, tr, ru and ar (a soft request, like the others)."""
