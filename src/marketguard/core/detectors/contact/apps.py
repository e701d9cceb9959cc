"""Outside messaging apps: a handle on one, or an invitation to move there.

An app named in passing ("I built a WhatsApp clone") is work talk; an app with a cue is not: a handle
("Telegram @jd_dev", "live:jdoe", "jd#4821"), an invitation ("let's continue on Telegram", "add me on
Skype", "me chama no zap"), a question ("do you have WhatsApp?"). A disguised name (Wh@tsapp, skipe,
"the green app", ｔｅｌｅｇｒａｍ) is a cue by itself: nobody disguises a word they mean innocently.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from marketguard.core.detectors.base import Detector, DetectorInfo, Finding
from marketguard.core.detectors.contact.lexicon import APPS, EUPHEMISMS, WEAK_EUPHEMISMS, App
from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import LEET, Document
from marketguard.core.text.prefilter import Hint

_LEET = LEET
_INNER_SEPARATORS = lazy_compile(r"[.\-_*~·']")
_TOKEN = lazy_compile(r"[^\s,;!?()\[\]{}\"«»<>:/\-]{1,40}")
_TOKEN_BANG = lazy_compile(r"(?:[^\s,;!?()\[\]{}\"«»<>:/\-]|(?<=[\w@$])!(?=[\w@$])){1,40}")
"""`_TOKEN` where a "!" sits inside a word: leetspeak for "i" ("5!gn@l"); at a word's end it is punctuation. The
slower pattern runs only on texts that have such a "!"."""
_BANG_IN_WORD = lazy_compile(r"[\w@$]![\w@$]")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_TRAILING = lazy_compile(r"(?:'s|[.'’!?,;:]+)$")


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return deletes | transposes | replaces | inserts


@lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[App, bool]]:
    """Every written form -> (app, is_misspelling)."""
    table: dict[str, tuple[App, bool]] = {}
    for app in APPS:
        for s in app.spellings:
            table[_INNER_SEPARATORS.sub("", s.replace(" ", ""))] = (app, False)
    for app in APPS:
        if app.fuzzy:
            for written in app.spellings:
                flat = written.replace(" ", "")
                if len(flat) >= 5 and flat.isascii():  # "wattsap", "telegramm": one letter doubled
                    for i, c in enumerate(flat):
                        table.setdefault(flat[:i] + c + flat[i:], (app, True))
            name = app.name.replace(" ", "")
            inflections = {name + "s", name + "d", name + "ed", name + "r"}  # "we skyped" is the app, not a disguise
            for variant in _one_edit(name):
                if len(variant) >= 5 and variant not in inflections:
                    table.setdefault(variant, (app, True))
    return table


_APP_BY_NAME = {a.name: a for a in APPS}
_MAX_MENTIONS = 64
"""A message naming apps more often than this is abuse of the screener, not chat; the first ones suffice."""
_SQUASH = lazy_compile(r"[._*~·']")
_COMMON_WORDS = frozenset(
    {
        "what",
        "face",
        "line",
        "link",
        "sign",
        "snap",
        "disc",
        "inst",
        "team",
        "teams",
        "three",
        "mess",
        "google",
        "micro",
        "linked",
        "kakao",
        "vibe",
        "disco",
        "slack",
        "signal",
        "imo",
        "tele",
        "threem",
        "wass",
        "x",
    }
)


@lru_cache(maxsize=1)
def _precheck_keys() -> frozenset[str]:
    """Every written form, and the first halves of forms split in two ("whats app", "kakao talk"), so a
    message whose words meet none of them skips the per-word scan."""
    keys = {k for k, (app, _) in _spellings().items() if not (app.ambiguous and k in _COMMON_WORDS)}
    for app in APPS:
        flat = app.name.replace(" ", "")
        keys.update(flat[:k] for k in range(4, len(flat)) if flat[:k] not in _COMMON_WORDS)
    keys.add("sky")
    # the first word of a spelling written in two: "wats app", "whats app"
    keys.update(s[:-3] for app in APPS if not app.ambiguous for s in app.spellings if s.endswith("app") and len(s) >= 7)
    return frozenset(keys - _COMMON_WORDS)


_KEY_TABLE = str.maketrans({**{chr(k): v for k, v in _LEET.items()}, **dict.fromkeys(".-_*~·'")})
# Leetspeak "1" is "l" in "te1egram" and "i" in "s1gnal": a key is tried the second way when the first misses.
"""A token as a key of `_spellings()`: leetspeak read as letters, `_INNER_SEPARATORS` dropped, in one pass."""
_TOKEN_SEPARATORS = ',;?()[]{}"«»<>:/-'  # as in `_TOKEN`, but "!" is leetspeak for "i" by then
_PRECHECK_TABLE = str.maketrans(
    {**{chr(k): v for k, v in _LEET.items()}, **dict.fromkeys("._*~·'"), **dict.fromkeys(_TOKEN_SEPARATORS, " ")}
)
"""Leetspeak read as letters, `_SQUASH` characters dropped and `_TOKEN` separators made spaces, in one pass."""


_ACCENTED = lazy_compile("[\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _common_keys() -> frozenset[str]:
    """App spellings that are also common words ("signal", "slack"): left out of the precheck keys."""
    return frozenset(k for k in _spellings() if k in _COMMON_WORDS)


def _leet_common_word(text: str, tokens: list[str]) -> bool:
    """An app name that is also a common word, written in leetspeak ("$ign@l"): read as letters it is a token,
    but the word itself is not in the text, so it was disguised, and the disguise is the cue."""
    return any(word not in text for word in _common_keys().intersection(tokens))


def _accents_folded(text: str) -> str:
    """`text` in ASCII, accents dropped ("Télégram" -> "Telegram"); other scripts are lost, which a precheck may
    afford (it may only say yes too often, and the per-word scan reads the real text)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _names_a_key(text: str) -> bool:
    """Whether a `_TOKEN` of the text, read through leetspeak and without inner dots, is a precheck key.

    One `str.translate` and a `split`: the same tokens as `_TOKEN.findall` over the squashed text, which
    cuts runs longer than 40 characters into pieces (kept here too, for the rare long run)."""
    tokens = text.translate(_PRECHECK_TABLE).split()
    if "1" in text and ("@" in text or "$" in text or "|" in text):  # "$1gn4l": a common word in disguise
        tokens += text.replace("1", "i").translate(_PRECHECK_TABLE).split()
    keys = _precheck_keys()
    if not keys.isdisjoint(tokens):
        return True
    if (
        not text.isascii()
        and _ACCENTED.search(text)
        and not keys.isdisjoint(_accents_folded(text).translate(_PRECHECK_TABLE).split())
    ):
        return True  # "Télégram"
    if ("@" in text or "$" in text or "|" in text) and _leet_common_word(text, tokens):
        return True
    if max(map(len, tokens), default=0) <= 40:
        return False
    return any(not keys.isdisjoint(_TOKEN.findall(t)) for t in tokens if len(t) > 40)


_AMBIGUOUS_CUE = lazy_compile(
    r"\b(?:on|via|in|my|your|ur|add|text|message|dm|ping|id|handle|username|join|invite|move|moving|continue|switch|"
    r"switching|hop|hopping|migrate|migrating|"
    r"have|use|using|chat|talk|call|reach|contact|find|me|us|name|tag|nick)\b|@|\?"
)
_AMBIGUOUS_WORDS = lazy_compile(
    r"\b(?:teams|slack|signal|line|imo|x|snap|google\schat|ms\steams|microsoft\steams|linked\sin|kakao(?:\stalk)?|disc)\b"
)
"""Spellings that are also everyday words: they reach the per-word scan only beside a cue (see _mentions)."""
_AMBIGUOUS_WORDS_HINT = PLAIN.hint(_AMBIGUOUS_WORDS.pattern)
_AMBIGUOUS_CUE_HINT = PLAIN.hint(_AMBIGUOUS_CUE.pattern)


_EUPHEMISM = lazy_compile("|".join(f"(?:{p})" for p, _ in EUPHEMISMS))
_EUPHEMISM_HINT = PLAIN.hint(_EUPHEMISM.pattern)
_EUPHEMISM_WORDS = (
    # "the gram", "the green one", "the purple messenger" name no app word: without these, never looked at
    *(" app", "bird", "network", "plane", "gram", "green", "purple", "violet", "site", "zuck"),
    *("papi", "papel", "carta", "flieger", "самол", "samolot", "uçak", "ucak", "мессендж", "месседж", "uygulama"),
)
"""One of these is in every euphemism (`lexicon.EUPHEMISMS`): a substring test before the pattern runs."""
_EUPHEMISM_APPS = [(re.compile(p), app, p in WEAK_EUPHEMISMS) for p, app in EUPHEMISMS]

_VERB = (
    r"(?:add|text|txt|message|msg|dm|ping|contact|reach|call|write|chat|talk|speak|continue|move|switch|"
    r"go|come|hit|find|catch|connect|join|send|buzz|hmu|follow|discuss|communicate|talk|shift|transfer|"
    r"moving|switching|hopping|shifting|migrat(?:e|ing)|"
    r"answer|reply|respond|hop|jump|do\s(?:this|it|that|the\srest)|take\s(?:this|it|that|things)|"
    # finishing the talk there: "let's wrap up the details over Skype", "we can sort it out on Telegram"
    r"wrap|finish|finali[sz]e|sort|settle|hash|iron|figure|work\sout|go\sover|coordinate|sync|catch\sup|proceed|"
    r"carry\son|keep\s(?:talking|chatting)|arrange|set\sup|let'?s|let\sus|shall\swe|"
    r"we\s(?:can|could|should)|can\swe|could\swe|why\sdon'?t\swe)"
)
_PREP = r"(?:on|via|in|at|through|over|using|thru|to|by|onto)"
_CUE_BEFORE = lazy_compile(
    # the verb in other forms: "I'd prefer finishing it on WhatsApp", and the past of talking verbs only, "if we
    # continued this on Skype" ("I connected your app to Slack" is work done)
    rf"(?:\b(?:{_VERB}(?:ing)?|(?:continu|mov|switch|talk|chatt?|discuss|finish|wrapp|sort|settl|hash|finali[sz])ed)\b"
    rf"[^.!?\n]{{0,30}}\b{_PREP}\s{{1,3}}(?:the\s|my\s|your\s|ur\s)?"
    r"|\b(?:do|did)\s(?:you|u)\s(?:have|use|got)\s(?:a\s|an\s)?"
    r"|\b(?:i'?m|i\sam|we\sare|we're|i'?ll\sbe)\s(?:also\s)?(?:on|in|active\son)\s"
    r"|(?:^|[^\w\s]\s?|\b(?:y|and|also|or)\s)(?:есть|у\s(?:тебя|вас)\sесть|hast\sdu|haben\ssie|tu\sas|vous\savez|"
    r"as-tu|avez-vous|t'as|tienes|tiene|ten[eé]s|usas|voc[eê]\stem|vc\stem|tem|tens|usa)\s"
    # a bare "u on …?" opening the sentence: "u on imessage?"
    r"|(?:^|[^\w\s]\s?)(?:u|you|ya|r\su)\s(?:on|using)\s"
    # it: "passiamo su WhatsApp", "scrivimi su Telegram"; pl: "napisz na fejsie albo na wapie"
    r"|\b(?:passiamo|andiamo|spostiamoci|sentiamoci|ci\ssentiamo|scrivimi|scrivi|scriviamoci|continuiamo|parliamo|"
    r"chiamami|aggiungimi|contattami)\s(?:\w+\s)?(?:su|in|per|via|con)\s(?:il\s|mio\s)?"
    r"|\b(?:napisz|napiszcie|pisz|dodaj|zadzwo[nń]|odezwij\ssi[eę]|przejd[zź]my|pogadajmy|zgadajmy\ssi[eę]|jestem|"
    r"jeste[sś]|masz)(?:\smi|\smnie)?\s(?:[^.!?\n]{0,25}\s)?(?:na|przez|w|po)\s"
    # ru in Latin letters: "napishi mne v telegu"
    r"|\b(?:napishi|napishite|pishi|dobav|zvoni|pozvoni|davai|davaj|pereidem|perejdem)\s(?:mne\s|menya\s)?(?:v|vo|na|po)\s"
    # vi: "qua zalo nói chuyện", "xin số zalo", "nhắn tin qua …"; id: "lanjut di wa aja"
    r"|\b(?:qua|sang|nh[aắ]n\s(?:tin\s)?(?:qua|tr[eê]n)|g[oọ]i\s(?:qua|tr[eê]n)|k[eế]t\sb[aạ]n|xin(?:\s(?:s[oố]|nick|id|t[aà]i\s"
    r"kho[aả]n))?)\s"
    r"|\b(?:lanjut|ngobrol|chat|hubungi|kontak|japri)\s(?:\w+\s)?(?:di|ke|lewat|via)\s"
    r"|\b(?:see|check|follow|find|look\sat|view)\s(?:\w+\s){0,5}?(?:on|at|in)\s(?:my\s)?"
    r"|\b(?:agr[eé]game|a[nñ][aá]deme|escr[ií]beme|h[aá]blame)\s(?:al|en\sel|por\sel)\s"
    r"|\b(?:on\scontinue|continuons|on\sse\sparle|on\sparle|parlons)\s(?:sur|par|via)\s"
    r"|\b(?:lass\suns|wir\sk[öo]nnen)\s(?:auf|über|per|via|in)\s"
    r"|\b(?:k[öo]nnen|k[öo]nnten|sollen|wollen)\s(?:wir|sie|du)\s(?:\w+\s)?(?:auf|über|per|via|bei)\s"
    r"|\b(?:faster|quicker|easier|better|simpler|more\sprivate)\sthan\s(?:this\s(?:chat|site|app|platform|inbox)|here|"
    r"the\s(?:platform|site|chat))\W{0,3}\s?"
    r"|(?:скинь(?:те)?|дай(?:те)?|пришли(?:те)?)\s(?:свой|твой|ваш)\s"
    r"|\b(?:prefer|rather|better\son|easier\son|faster\son|more\ssecure\son)\s"
    r"|\b(?:mejor|melhor|lieber|besser|plut[oô]t|mieux|лучше)\s(?:por|en|no|na|pelo|pela|sur|par|auf|über|per|via|в|на|по)\s"
    r"|(?:давай(?:те)?|перейд[её]м|пойд[её]м|переходи(?:м|те)?|пиши(?:те)?|ник|есть\sли)\s(?:\w+\s)?(?:в|во|на)\s"
    r"|\b(?:bist\sdu|sind\ssie|seid\sihr)\s(?:auch\s)?(?:auf|bei|in)\s"
    r"|\b(?:hast\sdu|haben\ssie|h[äa]tten\ssie|h[äa]ttest\sdu|nutzt\sdu|nutzen\ssie)\s(?:auch\s)?"
    r"|\b(?:continuer|parler|discuter|passer|aller|continuar|hablar|seguir|pasar|conversar|falar|passar|ir|"
    r"weitermachen|schreiben|wechseln|reden)\s(?:\w+\s)?(?:sur|en|no|na|por|pelo|pela|auf|zu|über|al)\s"
    r"|\b(?:t'es|tu\ses|es-tu|[êe]tes-vous|vous\s[êe]tes)\s(?:sur|dans)\s"
    r"|\b(?:est[aá]s|est[aá]|you\sthere)\s(?:en|on)\s"
    r"|\b(?:voc[eê]|vc)\s(?:est[aá]|t[aá])\s(?:no|na)\s"
    r"|\b(?:are|r)\s(?:you|u)\s(?:on|in|using)\s"
    r"|\b(?:what(?:'s|s|\sis)|whats|send|give|share|drop|leave|tell)\s(?:me\s)?(?:your|ur|yr)\s"
    r"|\b(?:my|your|ur)\s"
    r"|\b(?:me\s)?(?:chama|liga|manda|escreve|adiciona|fala|chame|mande|escreva)\s(?:no|na|pelo|pela|por)\s(?:meu\s|seu\s)?"
    r"|\b(?:escr[ií]beme|h[aá]blame|agr[eé]game|cont[aá]ctame|m[aá]ndame\sun\smensaje|hablemos|seguimos|hablamos|"
    r"escribimos|pasamos|pasemos|vamos|nos\s(?:pasamos|vamos|hablamos|escribimos))"
    r"\s(?:por|al|en|a)\s(?:mi\s)?"
    r"|\b(?:mi|tu|su|meu|seu|teu|mon|ton|votre|mein|meine|dein|deine)\s"
    r"|\b(?:[ée]cris|contacte|ajoute|[ée]crivez|contactez|ajoutez|parlons|continuons)[- ](?:moi|nous)?"
    r"\s?(?:sur|par|via)\s"
    r"|\b(?:m'|me\s|nous\s)(?:[ée]crire|contacter|appeler|joindre|ajouter)\s(?:sur|par|via)\s"
    r"|\b(?:llamarme|escribirme|contactarme|agregarme|a[nñ]adirme)\s(?:por|al|en|a)\s(?:mi\s)?"
    r"|\bme\s(?:ligar|chamar|escrever|adicionar)\s(?:no|na|pelo|pela|por)\s(?:meu\s)?"
    r"|\b(?:schreib|schreiben|kontaktier|kontaktiere|add|adde|meld)\s?(?:mir|mich|sie|dich)?\s(?:auf|über|per|bei|via|in)\s"
    r"|(?:напиши|напишите|пиши|пишите|добавь|добавьте|звони|позвони|перейд[её]м|перейти|общаться|свяжемся)"
    r"(?:\sмне|\sменя)?\s(?:в|во|на|по)\s"
    # Arabic: "write to me on", "add me on", "let's continue on"
    r"|(?:كلمني|كلمنا|راسلني|راسلنا|ضيفني|تواصل\sمعي|تواصلوا\sمعي|اكتب\sلي|اكتبلي|ابعتلي|ابعثلي|نكمل|نتكلم|نتواصل|نحكي)"
    r"\s(?:\S+\s)?(?:على|ع|عبر|في)\s"
    r")$"
)
_CUE_BEFORE_HINT = Hint(_CUE_BEFORE.pattern)
_POSSESSIVE_ONLY = lazy_compile(r"\b(?:my|your|ur|mi|tu|su|meu|seu|teu|mon|ton|votre|mein|meine|dein|deine)\s$")
_CUE_AFTER = lazy_compile(
    r"^\s(?:mejor|melhor|besser|mieux|лучше|es\smejor|é\smelhor|ist\sbesser|c'est\smieux)\b|"
    r"^\s?(?:me|us)\b|^\s(?:number|no\.?|nr|id|handle|username|user\s?name|account|contact|nick|tag)\b"
    # Tagalog puts "my" after the noun: "Skype ko po: …", "Viber ko ay …"
    r"|^\s(?:ko|namin)(?:\spo)?\s?(?::|=|ay\b|is\b)"
    r"|^[^.!?\n]{0,40}\b(?:connect|message|dm|find|add|reach|text|write|ping|join)\s(?:me\s|us\s)?there\b"
    r"|^[^.!?\n]{0,40}\b(?:easier|faster|better|quicker|simpler|more\ssecure)\s(?:than\s(?:this\s(?:chat|site|app|"
    r"platform|website)|here|upwork|fiverr))"
    r"|^[^.!?\n]{0,30}\b(?:(?:is\s)?(?:the\s)?same\sas\s(?:here|on\shere|(?:on\s)?this\s(?:site|platform|app)|my\s(?:user\s?name|"
    r"handle|name|profile))|same\s(?:user\s?name|handle|name|nick|@)|m[eê]me\spseudo|mismo\susuario|mesmo\susu[aá]rio|"
    r"такой\sже|тот\sже)"
)
_HAVE_AFTER = lazy_compile(r"^\s(?:var\s?m[ıi]|varm[ıi])\b")
"""Turkish "do you have …" after the name: "vatsap var mı sende?" (not after a name that is also a word: "line var mı
kodda?")."""
_FIND_ME_AFTER = lazy_compile(
    r"\s(?:is\s|:\s?)[^.!?\n]{0,40}?\b(?:workspace|server|search\s(?:for\s)?[@a-z]|find\sme|dm\sme|ping\sme|add\sme)"
)
"""Matched at the app's end. After "my slack", "my signal": where to find the sender there ("my slack is in the
Brightline community workspace, search jonah w"); "my signal is weak" stays a word."""
_SAME_AFTER = lazy_compile(
    r"^[^.!?\n]{0,30}\bsame\s(?:as\s(?:here|on\shere|this\s\w+|my\s\w+)|(?:user\s?name|handle|name|nick|@))"
)
_CLAUSE_END = lazy_compile(r"[.!?\n]")
_BARE_QUESTION = lazy_compile(r"^\s?\?")
_NEARBY_HANDLE = lazy_compile(r"(?<![\w@])@[a-z0-9_][\w.]{2,31}(?![\w@])")
_GENERIC_HANDLE = lazy_compile(
    r"\bmy\s(?:handle|username|user\s?name|nick(?:name)?|@)\s(?:on\s[\w\s]{1,20}?\s)?(?:is\s|:\s?|=\s?)?(?P<handle>@[\w.]{2,32})"
)
_GENERIC_HANDLE_HINT = PLAIN.hint(_GENERIC_HANDLE.pattern)
_PAY_APP_HANDLE = lazy_compile(
    r"\b(?P<app>venmo|cash\s?app|cashtag|revolut|revtag|paypal|zelle|monzo|wise)\b(?:[^.!?\n@$,;]{0,24}?|\s?(?:me|us)?,\s?)"
    r"(?<![\w@$])(?P<handle>[@$][a-z][\w.\-]{2,30})(?![\w@])"
    r"|(?<![\w@$])(?P<handle2>[@$][a-z][\w.\-]{2,30})\s(?:on|at|via|in|for)\s(?:the\s)?"
    r"(?P<app2>venmo|cash\s?app|revolut|paypal|zelle|monzo)\b"
)
"""A payment app's username ("venmo @jo-r", "cash app $kiln", "my revtag is @maren", "revolut me, @jo", "$kiln on
cash app"): a handle that reaches the person."""
_PAY_APP_WORDS = ("venmo", "cash", "revolut", "revtag", "paypal", "zelle", "monzo", "wise")
_MEETING_HINT = PLAIN.hint(r"zoom|meet|teams|webex")
_MEETING_ID = lazy_compile(
    r"(?:zoom|meet|teams|webex)\b[^.!?\n]{0,30}?\b(?:id|meeting\sid|room)\s?[:#]?\s?(?P<id>\d(?:\s?\d){8,11})"
)
_TECH_AFTER = lazy_compile(
    # the app may be one of a list: "Facebook and Instagram ads", "TikTok, Instagram or YouTube content"
    r"^(?:(?:\s?,|\s(?:and|&|or|\+)|\s?/)\s?[a-z][\w.]{1,20}){0,3}"
    r"\s(?:integration|bot|bots|api|sdk|clone|plugin|webhook|app\b|apps|feature|button|template|ads?\b|"
    r"campaign|marketing|group|channel|business\sapi|widget|login|share\sbutton|icon|logo|"
    # the account or channel as the subject of the work: "your LinkedIn headline", "Instagram ads"
    r"headline|about\ssection|summary\ssection|banner|posts?\b|stories|reels?\b|carousels?|content\b|algorithm|"
    r"analytics|insights|pixel|catalog(?:ue)?|shop\b|strategy|growth|audit|engagement|audience|metrics|presence|"
    r"ad\saccount|ads\smanager|scheduler|automation|chatbot|comments?\b|followers|captions?|hashtags?|seo|"
    # wired up by a tool: "to Slack via incoming webhooks", "to Telegram through its API"
    r"(?:via|using|through|with)\s(?:an?\s|the\s|its\s|their\s)?(?:incoming\s|outgoing\s)?(?:webhooks?|apis?\b|integration|zapier|"
    r"n8n|oauth|sdk|bot\b))"
)
_MODELLED_ON = lazy_compile(
    r"\b(?:modell?ed|based|inspired|patterned|built|styled)\s(?:on|after|by)\s(?:the\s)?$|\b(?:similar\sto|a\sla|à\sla|"
    r"(?:clone|copy|version|replica|knock-?off)\sof|(?:inspirad[oa]|basad[oa]|parecid[oa])\s(?:en|no|na|a|em)|tipo|"
    r"inspir[ée]e?\s(?:de|par)|(?:comme|wie|ähnlich\swie|nach\sdem\svorbild\svon)|по\sтипу|наподобие|аналог|как\sу)\s(?:the\s|el\s|o\s)?$"
)
_MODEL_ENDS = (
    *(" on ", " after ", " by ", " of ", " to ", " la ", " en ", " no ", " na ", " em ", " tipo ", " de ", " par "),
    *(" comme ", " wie ", " von ", " типу ", " наподобие ", " аналог ", " у ", " the ", " el ", " o ", " a "),
)
"""A chat app "modelled on WhatsApp", "a clone of Telegram", "inspirada en WhatsApp": the app is the model of the work,
not a place to talk (a string test first, as most texts that name an app end `before` otherwise)."""
_HANDLE_AFTER = lazy_compile(
    r"^\s{0,3}(?:[:=\-–]|\sis|\sid|\shandle|\susername|\suser|\sname|\stag|\sat)?\s{0,3}(?:is\s|:\s?)?"
    r"(?P<handle>@[\w.]{2,32}|live:[\w.:\-]{3,64}|[\w.]{2,32}#\d{4}\b)"
)
_NOT_A_HANDLE = r"(?!(?:coming|incoming|below|next|soon|here|there|later|after|follows|is|in|on|the|and|was|will)\b)"
"""Words that follow "handle" or "id" but are not one: "tg handle coming", "my id is below"."""
_HANDLE_MARKED = lazy_compile(
    r"^(?:\s{0,2}[:=–]|[^.!?\n]{0,30}?(?:^|[\s\-])(?:id|handle|username|user\s?name|name|nick|tag|pseudo|ник|логин)"
    rf"(?:\sis)?\s?:?)\s{{0,3}}{_NOT_A_HANDLE}(?P<handle>\.?[a-z0-9][\w.\-]{{2,31}})"
)  # a leading dot: Discord's new usernames may start with one
_ID_AFTER = lazy_compile(
    rf"^\s(?:id|handle|username|user\s?name|nick|tag)(?:\sis)?\s?:?\s{{1,3}}{_NOT_A_HANDLE}(?P<handle>[a-z0-9][\w.\-]{{2,31}})"
)
"""An explicit id word right after an app whose name is also a word: "kakao id heejin_craft", "signal id: jo.92"."""
_COLON_USERNAME = lazy_compile(
    rf"^\s{{0,2}}[:=]\s{{0,3}}{_NOT_A_HANDLE}(?!v\d)(?P<handle>[a-z](?=[a-z0-9_.]{{0,30}}[\d_])[a-z0-9_]{{1,31}}(?:\.[a-z0-9_]{{1,20}}){{0,2}})"
    r"(?=\s?(?:[,;!?)]|\.(?:\s|$)|$)|\s\()"
)
"""An app whose name is also a word, a colon, then a username with a digit or an underscore, ending its clause or
followed by a remark in brackets: "kakao: hyunwoo_dev", "signal: jo.47 (username)" (not "line: 42", "signal: noisy",
"line: config.yaml")."""
_COLON_DOTTED = lazy_compile(
    r"^\s{0,2}[:=]\s{0,3}(?P<handle>\.[a-z][a-z0-9_.]{3,31})(?=\s?(?:[,;!?)]|\.(?:\s|$)|$)|\s\()"
)
"""Discord's new usernames may start with a dot: "disc: .nightowl"."""
_DISC_NAME = lazy_compile(rf"^\s(?:name|tag)(?:\sis)?\s?:?\s{{1,3}}{_NOT_A_HANDLE}(?P<handle>[a-z0-9][\w.\-]{{2,31}})")
"""Gamers say "disc name is …" for a Discord username."""
_USERNAME_LIKE = lazy_compile(r"[\d_.]")
_ENDS_CLAUSE = lazy_compile(r"\s?(?:[,;.!?)]|$)")
_HANDLE_BEFORE = lazy_compile(
    # "@bia.ilustra no instagram", "@kir en telegram", "@jo sur insta", "@olga в телеге"
    r"(?P<handle>@[\w.]{3,32})\s{1,3}(?:on|in|at|via|no|na|en|sur|auf|bei|su|di|sa|pe|на|в|\()\s{0,3}$"
)
_SKYPE_LIVE = lazy_compile(r"(?<![\w:])live:(?:\.cid\.)?[\w.\-]{3,64}")
_DISCORD_TAG = lazy_compile(r"(?<![\w#])[\w.]{2,32}#\d{4}(?!\w)")
_DISCORD_TAG_HINT = PLAIN.hint(_DISCORD_TAG.pattern)
"""Order numbers ("#4960798") put a '#' in many messages; the tag's shape is rarer, and `re` slow to rule out."""


_Judgement = tuple[str, float, str | None, str, tuple[int, int] | None]


_TOOL_KEYWORDS = frozenset(
    {"mention", "mentions", "channel", "channels", "here", "everyone", "all", "team", "user", "username"}
)
"""Words a chat tool writes after '@' itself ("@mentions in Slack", "@channel", "@here"): nobody's handle."""
_WORK_TOOLS = frozenset({"slack", "teams", "google chat"})
_WORK_USE_AFTER = lazy_compile(
    r"^\s(?:for|with)\s(?:the\s|our\s|your\s|all\sthe\s)?(?:team|teams|work|project|updates?|stand-?ups?|sprints?|notifications?|"
    r"alerts?|tickets?|internal|company|dev|engineering|daily|weekly|status|deploys?|builds?|ci|code\sreviews?|client\s\w+)\b"
)
"""A work tool used for the work ("Slack for the team updates"): talk about how the contract runs, not an invitation."""


def _handle(app: App, m: re.Match[str], offset: int, score: float, what: str) -> _Judgement:
    """A handle found by `m` in a window that starts at `offset` in the text."""
    start = offset + m.start("handle")
    handle = m.group("handle")
    return "contact.handle", score, f"{app.name}:{handle}", f"a {app.name} {what}", (start, start + len(handle))


def _strip_accents(token: str) -> str:
    """ "Sïgnäl", "Télégrâm": accents are a cheap disguise; Cyrillic and other scripts are left alone."""
    if token.isascii():
        return token
    out = unicodedata.normalize("NFD", token)
    return unicodedata.normalize("NFC", "".join(c for c in out if not unicodedata.combining(c) or c == "\u0306"))


def _looks_like_handle(m: re.Match[str]) -> bool:
    """After a bare ':' the word must look like a username ("jd_dev", "maya.lind"), not prose ("short")."""
    handle = m.group("handle")
    named = m.group().lstrip()[:1] not in ":=–"
    return named or any(c.isdigit() or c in "_." for c in handle)


@dataclass(frozen=True, slots=True)
class _Mention:
    app: App
    start: int
    end: int
    disguised: bool


class AppDetector(Detector):
    info = DetectorInfo(
        id="contact.app",
        family="contact",
        kinds=("contact.handle", "contact.request"),  # meeting ids come out as contact.handle "meeting:<id>"
        version="1.0.0",
        description="Messaging apps named with a handle, an invitation or a disguise; Skype live: and Discord tags.",
    )

    def detect(self, doc: Document) -> list[Finding]:
        view = doc.plain
        text = view.text
        out: list[Finding] = []
        handled: list[tuple[int, int]] = []
        for mention in self._mentions(doc):
            found = self._judge(text, mention)
            if found is None:
                continue
            kind, score, value, reason, hspan = found
            s, e = (
                (mention.start, mention.end)
                if hspan is None
                else (min(mention.start, hspan[0]), max(mention.end, hspan[1]))
            )
            start, end = view.span(s, e)
            if kind == "contact.handle":
                handled.append((s, e))
            out.append(Finding(kind, score, start, end, value, reason, soft=kind == "contact.request"))
        for m in _GENERIC_HANDLE.finditer(text) if "@" in text and _GENERIC_HANDLE_HINT(doc) else ():
            if any(s <= m.start("handle") < e for s, e in handled):
                continue
            start, end = view.span(m.start(), m.end())
            out.append(
                Finding(
                    "contact.handle",
                    0.85,
                    start,
                    end,
                    f"handle:{m.group('handle')}",
                    "gives a social or messaging handle",
                )
            )
        if ("@" in text or "$" in text) and any(w in text for w in _PAY_APP_WORDS):
            for m in _PAY_APP_HANDLE.finditer(text):
                which = "handle" if m.group("handle") is not None else "handle2"
                start, end = view.span(m.start(which), m.end(which))
                named = m.group("app") or m.group("app2")
                app = named.replace(" ", "").replace("revtag", "revolut").replace("cashtag", "cashapp")
                value, why = f"{app}:{m.group(which)}", "a payment app's username, which also reaches the person"
                out.append(Finding("contact.handle", 0.85, start, end, value, why))
        for m in _MEETING_ID.finditer(text) if _MEETING_HINT(doc) else ():
            start, end = view.span(m.start(), m.end())
            digits = "".join(c for c in m.group("id") if c.isdigit())
            out.append(
                Finding(
                    "contact.handle", 0.85, start, end, f"meeting:{digits}", "a meeting room id outside the platform"
                )
            )
        tagged = []
        if "live:" in text:
            tagged.append((_SKYPE_LIVE, "skype", 0.95))
        if "#" in text and _DISCORD_TAG_HINT(doc):
            tagged.append((_DISCORD_TAG, "discord", 0.8))
        for pattern, app, score in tagged:
            for m in pattern.finditer(text):
                if any(s <= m.start() < e for s, e in handled):
                    continue
                start, end = view.span(m.start(), m.end())
                out.append(
                    Finding(
                        "contact.handle",
                        score,
                        start,
                        end,
                        f"{app}:{m.group()}",
                        f"a {app} handle ({'live: id' if app == 'skype' else 'name#1234 tag'})",
                    )
                )
        return out

    def _mentions(self, doc: Document) -> list[_Mention]:
        view = doc.plain
        text = view.text
        table = _spellings()
        mentions: list[_Mention] = []
        # a colon may introduce a username ("kakao: hyunwoo_dev"); asked of the text, not the shared gate, whose
        # automaton a branch after every colon would grow for every message
        maybe = _names_a_key(text) or (_AMBIGUOUS_WORDS_HINT(doc) and (":" in text or _AMBIGUOUS_CUE_HINT(doc)))
        pattern = _TOKEN_BANG if "!" in text and _BANG_IN_WORD.search(text) else _TOKEN
        tokens = list(pattern.finditer(text)) if maybe else []
        for i, m in enumerate(tokens):
            raw = m.group()
            key = _strip_accents(raw).translate(_KEY_TABLE)
            hit = table.get(key)
            if hit is None and "1" in raw:
                key = _strip_accents(raw).replace("1", "i").translate(_KEY_TABLE)
                hit = table.get(key)
            end = m.end()
            if (hit is None or hit[0].ambiguous) and i + 1 < len(tokens) and tokens[i + 1].start() - end <= 1:
                pair = key + tokens[i + 1].group().translate(_KEY_TABLE)
                whole = table.get(pair)
                if (
                    whole is not None
                    and (hit is None or whole[0] is not hit[0])
                    and (not whole[0].fuzzy or not whole[1])
                ):
                    hit, end = whole, tokens[i + 1].end()  # "kakao talk": the two words name the app outright
                elif hit is not None and hit[0].ambiguous:
                    pass
                elif whole is not None:
                    hit = None
            elif hit is not None and i + 1 < len(tokens) and tokens[i + 1].start() - end <= 1:
                whole = table.get(key + tokens[i + 1].group().translate(_KEY_TABLE))
                if whole is not None and whole[0] is hit[0]:
                    hit, end = whole, tokens[i + 1].end()  # "wats app": the next word completes a name already read
            if hit is None:
                # a trailing possessive or punctuation: "WhatsApp's", "telegram."
                trimmed = key.rstrip(".'s") if key.endswith("'s") else key.rstrip(".")
                hit = table.get(trimmed) if trimmed != key else None
            if hit is None:
                continue
            app, misspelled = hit
            if len(raw) == 1 and not doc.text[view.origin(m.start())].isupper():
                continue  # a lone "x" is a letter; "X" may be the app
            start, stop = view.span(m.start(), end)
            original = _TRAILING.sub("", doc.text[start:stop].lower())
            disguised = misspelled or original not in app.spellings
            mentions.append(_Mention(app, m.start(), end, disguised))
            if len(mentions) >= _MAX_MENTIONS:
                break
        if _EUPHEMISM_HINT(doc) and any(w in text for w in _EUPHEMISM_WORDS):
            for m in _EUPHEMISM.finditer(text):
                for pattern, name, weak in _EUPHEMISM_APPS:
                    if pattern.fullmatch(m.group()):
                        app = _APP_BY_NAME.get(name) or App(name, (name,))
                        if weak:  # "the green one looks better": a word, unless a cue says otherwise
                            app = replace(app, ambiguous=True)
                        mentions.append(_Mention(app, m.start(), m.end(), not weak))
                        break
        return mentions

    @staticmethod
    def _judge(text: str, mention: _Mention) -> _Judgement | None:
        app = mention.app
        before = text[max(0, mention.start - 60) : mention.start]
        after = text[mention.end : mention.end + 48]
        h = _HANDLE_AFTER.match(after)
        if h is not None:
            return _handle(app, h, mention.end, 0.95, "handle")
        h = _HANDLE_MARKED.match(after)
        if (
            h is not None
            and not _TECH_AFTER.match(after)
            and _looks_like_handle(h)
            and not app.ambiguous
            and after[h.end() : h.end() + 1] != "/"  # "LinkedIn: linkedin.com/in/x" is a link, read by contact.url
        ):
            return _handle(app, h, mention.end, 0.9, "username")
        id_word_then_prose = False
        if app.ambiguous:
            h = _ID_AFTER.match(after)
            if h is None and app.name == "discord":
                h = _DISC_NAME.match(after) or _COLON_DOTTED.match(after)
            if h is None:
                h = _COLON_USERNAME.match(after)
            if h is not None and (_USERNAME_LIKE.search(h.group("handle")) or _ENDS_CLAUSE.match(after, h.end())):
                return _handle(app, h, mention.end, 0.9, "username")
            id_word_then_prose = h is not None  # "a signal id pattern in the logs": an id word, then prose
        h = _HANDLE_BEFORE.search(before)
        if h is not None and h.group("handle").lstrip("@").lower() not in _TOOL_KEYWORDS:
            return _handle(app, h, mention.start - len(before), 0.95, "handle")
        nearby = _NEARBY_HANDLE.search(text, mention.end, min(len(text), mention.end + 92))  # room for the whole handle
        if (
            nearby is not None
            and nearby.group().lstrip("@") not in _TOOL_KEYWORDS
            and nearby.start() <= mention.end + 60
            and not _CLAUSE_END.search(text, mention.end, nearby.start())
        ):
            return (
                "contact.handle",
                0.9,
                f"{app.name}:{nearby.group()}",
                f"a {app.name} handle in the same sentence",
                nearby.span(),
            )
        if _TECH_AFTER.match(after):
            return None
        if before.endswith(_MODEL_ENDS) and _MODELLED_ON.search(before):
            return None  # "a chat app modelled on WhatsApp": the app as the model of the work
        if app.name in _WORK_TOOLS and _WORK_USE_AFTER.match(after):
            return None  # "do you use Slack for the team updates?": the tool the work runs on, asked about
        cue = _CUE_BEFORE.search(before) if _CUE_BEFORE_HINT(before) else None
        if (
            cue is not None
            and _POSSESSIVE_ONLY.search(cue.group())
            and app.ambiguous
            and not _FIND_ME_AFTER.match(text, mention.end)
        ):
            cue = None
        after_cue = _CUE_AFTER.match(after)
        if after_cue is not None and app.ambiguous and (not after_cue.group().startswith(" ") or id_word_then_prose):
            after_cue = None  # "line me", "signal me" read as English
        if after_cue is None and not app.ambiguous:
            after_cue = _HAVE_AFTER.match(after)
        if after_cue is None and _BARE_QUESTION.match(after) and len(before.strip().split()) <= 2:
            after_cue = _BARE_QUESTION.match(after)  # a bare "whatsapp?" or "zap?"
        if cue is not None or after_cue is not None:
            score = 0.85 if cue is not None and not _POSSESSIVE_ONLY.search(cue.group()) else 0.65
            why = f"an invitation to continue on {app.name}" if cue is not None else f"asks for {app.name} contact"
            if mention.disguised:
                score, why = 0.9, why + " (name disguised)"
            span = None
            same = _SAME_AFTER.match(after) if after_cue is not None else None
            if same is not None:
                span = (
                    mention.end,
                    mention.end + same.end(),
                )  # "insta" + "handle is the same as here": the whole pointer
            return "contact.request", score, app.name, why, span
        if mention.disguised:
            return "contact.request", 0.75, app.name, f"{app.name} named in disguise", None
        return None
