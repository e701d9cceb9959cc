"""The words around an app's name that make it an invitation, a handle or work talk: `apps.py`'s context tables.

Split from `apps.py` along its seam: that module finds the app names (spellings, misspellings, euphemisms) and judges
each mention; this one holds the patterns the judgement reads before and after the name ("let's continue on …",
"… var mı?", "@handle no instagram", "… for the team updates"), in the same order as before.
"""

from __future__ import annotations

from marketguard.core.text.gate import PLAIN
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.prefilter import Hint

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
    r"|(?:^|[^\w\s]\s?|\b(?:y|and|also|or|а|a|и|і|i)\s)(?:есть|у\s(?:тебя|вас)\sесть|є|у\s(?:тебе|вас)\sє|hast\sdu|haben\ssie|tu\sas|vous\savez|"
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
    r"|\b(?:on\scontinue|continuons|on\sse\sparle|on\sparle|parlons|on\spasse|passons|on\sva)\s(?:sur|par|via)\s"
    r"|\b(?:lass\suns|wir\sk[öo]nnen)\s(?:auf|über|per|via|in)\s"
    r"|\b(?:k[öo]nnen|k[öo]nnten|sollen|wollen)\s(?:wir|sie|du)\s(?:\w+\s)?(?:auf|über|per|via|bei)\s"
    r"|\b(?:faster|quicker|easier|better|simpler|more\sprivate)\sthan\s(?:this\s(?:chat|site|app|platform|inbox)|here|"
    r"the\s(?:platform|site|chat))\W{0,3}\s?"
    r"|(?:скинь(?:те)?|дай(?:те)?|пришли(?:те)?)\s(?:свой|твой|ваш)\s"
    r"|\b(?:prefer|rather|better\s(?:on|over)|easier\s(?:on|over)|faster\s(?:on|over)|more\ssecure\son)\s"
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
    # every person of the verb, accents dropped: "que tu m'ecrives sur …", "vous m'appelez sur …"
    r"|\b(?:m'|me\s|nous\s)(?:[ée]cri(?:re|ves?|vez|s|t)|contact(?:er|es?|ez)|appel(?:er|les?|lez|ez)|joindre|joignes?|"
    r"ajout(?:er|es?|ez))\s(?:sur|par|via)\s"
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
    # Tagalog "let's just use it": "messenger na lang po tayo"; Hindi-English "come on it": "watsap pe aa jao"
    r"|^\s(?:na\s)?lang(?:\spo)?\s(?:tayo|kayo|kita|ako|mag-?\w+|usap)\b"
    # Bengali in Latin letters, the postposition glued as "e": "whatsapp e message din", "imo te call korun"
    r"|^\s(?:e|te|ey)\s(?:message|msg|knock|nok|call|text|sms|kotha)\s(?:din|diben|dao|dio|korun|koro|korben|bolun|bolbo)\b"
    r"|^\s(?:pe|par|py)\s(?:aa\b|aao|aaja\w*|aa\sja\w*|aaiye|aa\sjaiye|chal\w*|baat|msg|message|add|connect|mil\w*|shift|"
    r"move|ping|call|text|contact)"
    # ru, uk "do you have it?" after the name: "а телеграм є?", "ватсап есть?"
    r"|^\s(?:є|есть)(?:\sу\s(?:тебя|тебе|вас))?\s?\?"
    r"|^[^.!?\n]{0,40}\b(?:connect|message|dm|find|add|reach|text|write|ping|join)\s(?:me\s|us\s)?there\b"

    r"|^[^.!?\n]{0,40}\b(?:easier|faster|better|quicker|simpler|more\ssecure)\s(?:than\s(?:this\s(?:chat|site|app|"
    r"platform|website)|here|upwork|fiverr))"
    r"|^[^.!?\n]{0,30}\b(?:(?:is\s)?(?:the\s)?same\sas\s(?:here|on\shere|(?:on\s)?this\s(?:site|platform|app)|my\s(?:user\s?name|"
    r"handle|name|profile))|same\s(?:user\s?name|handle|name|nick|@)|m[eê]me\spseudo|mismo\susuario|mesmo\susu[aá]rio|"
    r"такой\sже|тот\sже)"
)
_NAME_THERE = lazy_compile(
    r"[^.!?\n]{0,50}\b(?:i'?m|i\sam|find\sme\sas|look\sfor|search(?:\sfor)?)\s[a-z][\w.\-]{2,31}\s(?:there|on\sit)\b"
)
"""Matched at the app's end, past the 48 characters of the after-window: the user name given bare, then "there"
("discord is easier for screen sharing, I'm orrin.vale there")."""
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
_IS_USERNAME = lazy_compile(
    r"^\s(?:is|es|é|est|ist)\s{1,3}(?P<handle>[a-z](?=[a-z0-9_.]{0,30}[\d_])[a-z0-9_]{1,31}(?:\.[a-z0-9_]{1,20}){0,2})"
)
"""After "my <app whose name is also a word>": "is", then a username with a digit or an underscore ("my kakao is
soft_peach", not "my line is busy")."""
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
