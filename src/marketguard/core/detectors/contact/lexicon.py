"""Names of the outside channels people move to, and the sites that carry them.

Data, not logic: the detectors read these tables. Each app lists the names people write (and common
misspellings are generated from them, see `apps.py`); `ambiguous` apps are also ordinary words ("signal",
"line", "zoom", "slack") and need a stronger cue before they count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class App:
    name: str
    spellings: tuple[str, ...]
    ambiguous: bool = False
    fuzzy: bool = False
    """Generate one-edit misspellings ("skipe", "whatsap"); only for long, distinctive names."""


APPS: tuple[App, ...] = (
    App(
        "whatsapp",
        (
            "whatsapp",
            "whatsap",
            "watsapp",
            "whatapp",
            "watsap",
            "wtsp",
            "wapp",
            "wa",
            "zap",
            "zapzap",
            "zapp",
            "guasap",
            "wasap",
            "wassap",
            "uatsap",
            "vatsap",
            # leet and phonetic forms: "w4ts", fr "ouatsap", it "whatsuppo", es "wasá"
            "wats",
            "ouatsap",
            "ouatsapp",
            "whatsuppo",
            "uazap",
            "wazap",
            "ватсап",
            "ватсапе",
            "ватсапу",
            "вотсапе",
            "вацапе",
            "вотсап",
            "вацап",
            "ватсапп",
            "уотсап",
            # Arabic, with and without the article
            "واتساب",
            "الواتساب",
            "واتس",
            "الواتس",
            "وتساب",
        ),
        fuzzy=True,
    ),
    App(
        "telegram",
        (
            "telegram",
            "telegramm",
            "telegramme",
            # Russian in Latin letters, declined: "napishi v telegu"
            "telegu",
            "telege",
            "tg",
            "телеграм",
            "телеграмм",
            "телеграме",
            "телеграмме",
            "телега",
            "телегу",
            "телеге",
            "телеги",
            "тг",
            "тгк",
            "تيليجرام",
            "التيليجرام",
            "تليجرام",
            "تلجرام",
            "تلغرام",
            "التلغرام",
            "تيليغرام",
        ),
        fuzzy=True,
    ),
    App("teams", ("teams", "ms teams", "microsoft teams"), ambiguous=True),
    App("signal", ("signal", "сигнал"), ambiguous=True),
    App("skype", ("skype", "skpe", "skyp", "skhipe", "skaip", "scype", "skaype", "скайп", "سكايب"), fuzzy=True),
    App("discord", ("discord", "dc", "dscrd", "дискорд", "дс", "ديسكورد"), fuzzy=True),
    App("wechat", ("wechat", "weixin", "вичат"), fuzzy=True),
    App("viber", ("viber", "vibr", "вайбер", "فايبر")),
    App("line", ("line", "line app", "line id"), ambiguous=True),
    App("kakaotalk", ("kakaotalk", "kakao talk"), fuzzy=True),
    App("kakaotalk", ("kakao",), ambiguous=True),  # a brand word too (the company, its bank, its taxis)
    App(
        "instagram",
        ("instagram", "insta", "ig", "инстаграм", "инста", "инст", "انستغرام", "انستقرام", "إنستغرام", "انستا",
         # with the article: "تابعني على الانستا"
         "الانستا", "الانستغرام", "الانستقرام", "الإنستغرام"),
        fuzzy=True,
    ),
    App("vk", ("vk", "vkontakte", "вк", "вконтакте"), fuzzy=False),
    App("facebook", ("facebook", "fb", "messenger", "фейсбук", "فيسبوك", "فيس بوك"), fuzzy=True),
    App("linkedin", ("linkedin", "linked in", "линкедин"), fuzzy=True),
    App("twitter", ("twitter", "x", "твиттер"), ambiguous=True),
    App("slack", ("slack",), ambiguous=True),
    App("snapchat", ("snapchat", "سناب", "سناب شات"), fuzzy=True),
    App("snapchat", ("snap",), ambiguous=True),
    App("discord", ("disc",), ambiguous=True),  # "add me on disc", "disc name is …"; also a word
    App("google chat", ("google chat", "hangouts", "gchat"), fuzzy=False),
    App("imo", ("imo",), ambiguous=True),
    App("threema", ("threema",), fuzzy=True),
    App("zalo", ("zalo",)),  # Vietnam's messenger
    # Apple's own chat and calls: not fuzzy, a one-letter edit of "imessage" is "message"
    App("imessage", ("imessage", "i-message", "facetime")),
)

_INFLECTED: dict[str, tuple[str, ...]] = {
    # Polish declines the names ("na Telegramie", "przez WhatsAppa", "na Facebooku"): two letters from the name, so
    # no one-edit misspelling reads them
    "whatsapp": ("whatsappie", "whatsappa", "whatsappem", "whatsappu", "watsapie", "watsappie", "wapie"),
    "telegram": ("telegramie", "telegramu", "telegrama", "telegramem"),
    "instagram": ("instagramie", "instagramu", "instagrama", "instagramem", "insta"),
    "facebook": ("facebooku", "facebooka", "fejsie", "fejsbuku", "messengerze", "messengerem", "messengera"),
    "skype": ("skypie", "skypem", "skype'ie", "skajpie"),
    "discord": ("discordzie", "discordu", "discorda"),
    "viber": ("viberze", "vibera", "viberem"),
    "linkedin": ("linkedinie", "linkedina", "linkedinem"),
}
"""Inflected forms of the names, read as the names themselves."""
APPS = tuple(
    App(
        a.name,
        a.spellings + tuple(w for w in _INFLECTED.get(a.name, ()) if w not in a.spellings),
        a.ambiguous,
        a.fuzzy,
    )
    if not a.ambiguous
    else a
    for a in APPS
)

_STARTS_WITH = (
    r"(?:the\s)?(?:app|messenger|chat\sapp)\s(?:that|which)\s(?:starts|begins)\swith\s(?:an?\s|the\sletter\s)?"
    r"['\"]?{}['\"]?(?![a-z])"
)
"""The app hinted at by its first letter: "the app that starts with W"."""

_GREEN_APP = (
    r"(?:(?:la|el|a|o|l')\s?)?(?:app|apli|aplicaci[oó]n|aplicativo|appli(?:cation)?|applicazione)\s(?:verde|verdinha|verte)|"
    r"(?:die\s)?gr[üu]ne\s(?:app|chat-?app)|green\s(?:wala|wali|wale|vala|vali|vale)\s(?:app|application)|"
    r"zielon\w+\s(?:apk\w+|aplikacj\w+)"
)
"""The green app in es, pt, fr, it, de, hi-en and pl: also a colour said of an app being designed ("la app verde
necesita más contraste"), so it counts only beside a cue, like the other weak euphemisms."""

# Euphemisms: the app is never named, which is the point.
EUPHEMISMS: tuple[tuple[str, str], ...] = (
    (r"the\sgram", "instagram"),
    (
        r"(?:the\s)?green\s(?:chat\s|messaging\s|messenger\s|phone\s|speech\s)?(?:bubble\s|icon\s|logo\s)?app",
        "whatsapp",
    ),
    # the owner named instead of the app: "the Zuck messenger", "Zuckerberg's chat app"
    (r"(?:the\s)?zuck(?:erberg)?(?:'s)?\s(?:messenger|chat(?:\sapp)?|messaging\sapp)", "facebook"),
    (r"(?:the\s)?(?:app|one)\swith\sthe\sgreen\s(?:icon|logo|bubble)", "whatsapp"),
    (r"(?:the\s)?blue\sbird(?:\sapp|\ssite)?", "twitter"),
    (r"(?:the\s)?bird\s(?:site|app)", "twitter"),
    (r"(?:the\s)?app\swith\sthe\sgreen\s(?:phone\s|chat\s)?(?:icon|logo|bubble)", "whatsapp"),
    (r"(?:the\s)?(?:app|one|messenger)\swith\sthe\s(?:green\s)?phone\s(?:icon|logo|bubble)", "whatsapp"),
    (r"(?:the\s)?(?:blue\s)?paper\s(?:air)?plane(?:\sapp|\sone|\smessenger)?", "telegram"),
    (r"(?:the\s)?chinese\s(?:super\s)?app|(?:the\s)?super\sapp", "wechat"),
    (r"(?:the\s)?green\s(?:one|messenger)", "whatsapp"),
    (r"(?:the\s)?(?:purple|violet)\s(?:one|messenger)", "viber"),
    (r"(?:the\s)?(?:paper\s)?plane\sapp", "telegram"),
    (r"(?:the\s)?blue\s(?:plane|paper\splane)(?:\sapp)?", "telegram"),
    # "the blue networking site for professionals", "the social network for professionals"
    (r"(?:the\s)?blue\s(?:professional|business|job|networking|work|career)\s(?:networking\s)?(?:network|site|app)"
     r"(?:\sfor\s(?:professionals|business(?:\speople)?|work|jobs|careers))?", "linkedin"),
    (
        r"(?:the\s)?(?:networking|social)\s(?:site|network|app)\sfor\s(?:professionals|business\speople|jobs|careers)",
        "linkedin",
    ),
    (r"(?:the\s)?(?:purple|violet)\s(?:chat\s)?app", "viber"),
    (r"(?:the\s)?yellow\s(?:chat\s)?app", "kakaotalk"),
    (r"(?:the\s)?(?:little\s|yellow\s|white\s)?ghost\sapp", "snapchat"),
    (r"(?:the\s)?(?:app|one)\swith\sthe\s(?:little\s|yellow\s|white\s)?ghost(?:\s(?:icon|logo))?", "snapchat"),
    (r"(?:the\s)?(?:camera|photo)\sapp\swith\sdms", "instagram"),
    (r"(?:the\s)?(?:app|platform|messenger|chat\sapp)\swith\sthe\s(?:blue\s|little\s|white\s)?(?:paper\s)?(?:air)?plane"
     r"(?:\s(?:logo|icon))?", "telegram"),
    # the green app in other languages: "tenés la app verde?", "l'appli verte", "die grüne App", "green wala app"
    (_GREEN_APP, "whatsapp"),
    # the first letter as the hint: "the app that starts with W"
    (_STARTS_WITH.format("w"), "whatsapp"),
    (_STARTS_WITH.format("t"), "telegram"),
    (_STARTS_WITH.format("d"), "discord"),
    # the paper plane in other languages: "l'appli à l'avion en papier", "la app del avión de papel"
    # (the app named with it: "a paper plane" alone is a toy)
    (r"(?:appli|app|aplicaci[oó]n|aplicativo|applicazione|aplikacj\w*|uygulama|приложени\w*)\s(?:[^\s.!?]+\s){0,2}?"
     r"(?:l')?(?:(?:avion|avi[oó]n|avi[aã]o|aereo|aeroplanino)\s(?:en|de|di|do)\s(?:papier|papel|carta)|papierflieger|"
     r"бумажн\w*\sсамол[её]т\w*|papierow\w*\ssamolot\w*|ka[gğ][ıi]t\su[çc]ak)", "telegram"),
    # the colour or the plane in Russian and Turkish: "синий мессенджер с самолётиком", "yeşil uygulama"
    (r"(?:синий\s|голубой\s)?(?:мессенджер|месседжер)\s(?:с|со)\s(?:бумажным\s)?самол[её]тик\w*|(?:синий|голубой)\s(?:мессенджер|месседжер)",
     "telegram"),
    (r"(?:зел[её]ный\s(?:мессенджер|месседжер))", "whatsapp"),
    (r"ye[şs]il\s(?:uygulama|mesajla[şs]ma\suygulamas)\w*", "whatsapp"),
    # gamers' chat: Discord
    (r"(?:the\s)?gam(?:er|ers|ing)(?:'s?)?\s(?:chat|voice|messaging)\s?app", "discord"),
)

WEAK_EUPHEMISMS = frozenset(
    {r"the\sgram", r"(?:the\s)?green\s(?:one|messenger)", r"(?:the\s)?(?:purple|violet)\s(?:one|messenger)", _GREEN_APP}
)
"""Euphemisms that are also everyday phrases ("the green one looks better", "per the gram"): like an app whose name is
a word, they count only beside a cue ("DM me on the gram", "text me on the green one")."""

# Links that open a conversation with a person: the path names the handle.
MESSAGING_HOSTS: dict[str, str] = {
    "wa.me": "whatsapp",
    "wa.link": "whatsapp",
    "api.whatsapp.com": "whatsapp",
    "chat.whatsapp.com": "whatsapp",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "m.me": "facebook",
    "messenger.com": "facebook",
    "signal.me": "signal",
    "signal.group": "signal",
    "discord.gg": "discord",
    "discord.com": "discord",
    "discordapp.com": "discord",
    "join.skype.com": "skype",
    "line.me": "line",
    "u.wechat.com": "wechat",
    "viber.click": "viber",
    "invite.viber.com": "viber",
    "open.kakao.com": "kakaotalk",
    "join.slack.com": "slack",
}
SOCIAL_HOSTS: dict[str, str] = {
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "linkedin.com": "linkedin",
    "lnkd.in": "linkedin",
    "twitter.com": "twitter",
    "x.com": "twitter",
    "tiktok.com": "tiktok",
    "snapchat.com": "snapchat",
    "vk.com": "vk",
    "threads.net": "threads",
}
MEETING_HOSTS = frozenset(
    {
        "calendly.com",
        "zoom.us",
        "meet.google.com",
        "teams.microsoft.com",
        "teams.live.com",
        "whereby.com",
        "cal.com",
        "savvycal.com",
        "chat.google.com",
        "hangouts.google.com",
        "meet.jit.si",
        "doodle.com",
        "tidycal.com",
        "youcanbook.me",
    }
)
CONTACT_PAGE_HOSTS = frozenset(
    {
        "linktr.ee",
        "bio.link",
        "carrd.co",
        "about.me",
        "beacons.ai",
        "taplink.cc",
        "forms.gle",
        "typeform.com",
        "jotform.com",
        "wixsite.com",
        "lnk.bio",
        "solo.to",
        "paypal.me",
    }
)
SHORTENERS = frozenset(
    {
        "bit.ly",
        "tinyurl.com",
        "goo.gl",
        "t.co",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "rebrand.ly",
        "cutt.ly",
        "shorturl.at",
        "tiny.cc",
        "rb.gy",
        "shorte.st",
        "adf.ly",
        "bl.ink",
        "t.ly",
        "v.gd",
        "s.id",
        "clck.ru",
        "qr.io",
        "lnkd.in",
        "surl.li",
        "urlz.fr",
        "tinu.be",
        "short.io",
        "soo.gd",
        "bitly.com",
        "y2u.be",
    }
)
