"""Context that cancels or weakens a finding: negation, on-platform talk, code, quoted scripts.

Only soft findings (words about contact or payment) are cancelled by negation or on-platform context:
"Sorry, I won't move to WhatsApp" and "let's talk on a call here on the platform" stay allowed, while a
phone number stays a phone number whatever is said around it. Every cancellation says why.
"""

from __future__ import annotations

import re

from marketguard.core.detectors.base import Finding
from marketguard.core.text.lazy import lazy_compile
from marketguard.core.text.normalize import Document
from marketguard.core.text.prefilter import Prefilter, widen

_CLAUSE_BREAK = lazy_compile(r"[.!?;,\n]|\bbut\b|\bhowever\b|\bpero\b|\bmas\b|\bmais\b|\baber\b|\bно\b")
_NEGATION = lazy_compile(
    r"(?<!\w)(?:not|n't|never|no(?=\s?[,.!])|no\s(?:thanks|way|need|outside|personal|sharing|contact|off-platform)|nope|won't|can't|cannot|don't|dont|doesn't|didn't|shouldn't|mustn't|refuse|"
    r"rather\snot|against\s(?:the\s)?(?:rules|tos|terms|policy)|not\sallowed|prohibited|forbidden|"
    r"no\s(?:puedo|quiero)|no\s(?:te\s|le\s|lhe\s)?(?:paso|doy|comparto|mando|env[ií]o|passo|dou|compartilho)|nunca|não|nao|nunca|pas|ne|jamais|nicht|kein|keine|niemals|не|нельзя|никогда|"
    # it, pl, tr, id, tl, hi-en, ar: "non passo su WhatsApp", "nie piszę na", "hayır", "tidak", "hindi", "nahi", "لا"
    r"non(?!-)|nie|nigdy|hayır|asla|tidak|nggak|ngga|gak|enggak|jangan|bukan|hindi\s(?:ako|ko|po|pwede|puwede|na)|ayoko|huwag|nahi|nahin|"
    r"لا|لن|مش|ما\s?بقدر|مو|"
    # forbidden: "bawal kasi sa labas ng platform", "vietato", "yasak", "dilarang", "ممنوع"
    r"bawal|vietato|zabronione|yasak|dilarang|ممنوع|"
    # vi, with and without accents: "mình không chuyển qua Zalo", "đừng qua Zalo"
    r"kh[oô]ng|chẳng|đừng|"
    # sw, the negative verbs of paying and doing: "hatufanyi malipo nje ya jukwaa", "sitalipa nje"
    r"hapana|hatufanyi|sifanyi|hatulipi|silipi|sitalipa|hatutalipa|siwezi|hatuwezi|sitaki|hatutaki|marufuku)(?!\w)"
)
_NEGATION_AFTER = lazy_compile(
    r"[^.!?,;:\n]{0,24}?(?<!\w)(?:nicht|niemals|keinesfalls|jamais|pas(?!\s(?:de|d'|d’|besoin|cher|mal|plus\sde)\b)|"
    # Hindi puts "nahi" after the verb and "mat" before it: "number dunga nahi", "whatsapp pe message mat karo"
    r"nahi|nahin|nahii|mat)(?!\w)"
)
_CONDITION_NEGATED = lazy_compile(
    r"\s*(?:if|in\scase|when|whenever|si|se|wenn|falls|если|je[śs]li|e[ğg]er|kalau|jika|kung)\s[^,;]*?"
    r"(?:n't|not|never|no|pas|nicht|не|nie|tidak|hindi)\s(?!(?:want|wanna|need|have|to|mind|share|give|send)\b)\w+\s[^,;]*$"
)
"""The clause before the finding is a condition whose verb is negated: "if the invite didn't work send me your gmail"
asks; the "not" belongs to the condition, not to the request."""
_AFTER_WORDS = ("nicht", "pas", "jamais", "niemals", "keinesfalls", "nahi", "nahin", "mat")
_TR_NEGATED = lazy_compile(
    r"(?<=[a-zçğıöşü])(?:m[ıiuü]yor|m[ae]y[ıi]z|m[ae]y[ıi]n|m[ae]yel[ıi]m|m[ae]yal[ıi]m|m[ae]yaca[kğ]|m[ae]yece[kğ]|"
    r"m[ae]d[ıi][mkn]?|m[ae]z|m[ae]m|m[ae]s[ıi]n)[a-zçğıöşü]*$"
)
"""Turkish says "not" inside the verb: "WhatsApp'a geçmiyorum", "numaramı vermem", "Telegram'dan yazmayın". Asked of the
finding's last word and the word after it ("vermek istemiyorum"), not of "tamam"."""
_WORD_AFTER = lazy_compile(r"[^\s.!?,;:]*(?:\s[^\s.!?,;:]+)?")
""""außerhalb der Plattform zahle ich nicht", "je ne paie pas": German and French put the negation after the verb
("pas de frais", no fees, is the offer itself, not a refusal)."""
_ID_NOT_BEFORE = lazy_compile(r"(?<!\w)(?:ga|gk|tak)\s(?:mau\s|bisa\s|boleh\s|akan\s|perlu\s|pernah\s)?$")
_ID_VERB = lazy_compile(
    r"(?:kasih|kasi|ngasih|mau|bisa|boleh|share|kirim|pakai|pake|pindah|lanjut|chat|add|save|simpan|bayar|transfer|tf|"
    r"transaksi)(?!\w)"
)
"""Indonesian "ga"/"gk"/"tak" (not) right before the finding's own verb, or before "mau/bisa/boleh" and it: "saya ga
kasih nomor WA", "aku ga mau bayar di luar". Not in `_NEGATION`:
Dutch "ik ga" is "I go", Polish "tak" is "yes"; only these verbs opening the finding make it the negation."""
_NO_GIVE = lazy_compile(r"(?:te\s|le\s|lhe\s)?(?:paso|doy|comparto|mando|passo|dou|compartilho)(?!\w)")
"""es/pt "no" right before the finding's own verb of giving: "no te paso mi número", "não passo" is in `_NEGATION`."""
_NO_BEFORE = lazy_compile(r"^\s*no\s*$")
""""no PayPal, escrow only": a bare "no" right before a rail (not before an app: Portuguese "no zap" means "on")."""
_ON_PLATFORM = lazy_compile(
    r"(?<!\w)(?:here\son\s(?:upwork|fiverr|the\splatform)|on\s(?:upwork|fiverr|the\splatform|this\splatform)|"
    r"through\s(?:upwork|fiverr|the\splatform)|via\s(?:upwork|fiverr|the\splatform)|(?:upwork|fiverr)(?:'s)?\s(?:messages|"
    r"chat|call|zoom|video)|platform(?:'s)?\s(?:messages|chat|call|video)|in\s(?:the\s)?(?:upwork|fiverr)\s(?:chat|messages)|"
    r"here\sin\s(?:the\s)?chat|right\shere|stay\shere|keep\s(?:it|everything|things)\shere|(?:message|chat)\sthread|"
    r"in\sthis\s(?:chat|thread)|through\s(?:the|this)\s(?:chat|thread)|from\sthe\s(?:chat|thread)|"
    r"aqu[ií]\sen\sla\splataforma|por\saqu[ií]|por\sla\splataforma|aqui\sna\splataforma|por\saqui|pela\splataforma|"
    r"ici\ssur\sla\splateforme|par\sici|via\sla\splateforme|hier\sauf\sder\splattform|hier\sim\schat|"
    r"[üu]ber\sdie\splattform|здесь|тут|через\s(?:\w+\s)?(?:видеочат|чат|звонок|видеозвонок)\s(?:платформы|площадки|сайта)|"
    # the platform as the channel of a call: "созвонимся через платформу", "chiamata tramite la piattaforma"
    r"через\s(?:платформу|площадку|биржу)|(?:tramite|attraverso)\s(?:la\s)?piattaforma|przez\s(?:platform[ęe]|portal)|"
    r"(?:keep|continue|carry\son)\s(?:talking|chatting|messaging|the\sconversation|it)\s(?:here|on\sthe\splatform)|"
    r"на\s(?:платформе|площадке)|"
    # it, pl, tr, id, tl, hi-en, ar: "restiamo qui", "zostańmy tutaj", "burada devam edelim", "di sini saja",
    # "dito lang", "yahin baat karte", "هنا على المنصة"
    r"qui\ssulla\spiattaforma|(?:restiamo|rimaniamo|solo)\squi|sulla\spiattaforma|tutaj\sna\s(?:platformie|portalu)|"
    r"(?:zostańmy|zostanmy|tylko)\stutaj|na\s(?:platformie|portalu)|burada\s(?:devam|kalal\w+|konuşal\w+|konusal\w+)|"
    r"platform\süzerinden|platform\suzerinden|di\s?sini\s(?:saja|aja|ya)|lewat\splatform|di\splatform\s(?:ini|saja|aja)|"
    r"dito\s(?:lang|na\slang|tayo|sa\splatform)|sa\splatform\slang|yahin\s(?:pe|par|baat)|yahi\spe|platform\s(?:pe|par)\shi|"
    r"هنا\sعلى\sالمنصة|على\sالمنصة|هنا\sفقط|"
    # the platform's own call or chat tool: "the built-in call", "llamada integrada", "встроенный звонок"
    r"(?:built[-\s]?in|in[-\s]?app|integrated|native)\s(?:video\s)?(?:call|calls|chat|video|meeting)|"
    r"(?:llamada|videollamada|chamada|videochamada|chat)\s(?:integrada|interna|de\sla\splataforma|da\splataforma)|"
    r"(?:appel|visio|chat)\s(?:int[ée]gr[ée]e?|de\sla\splateforme)|integrierte[nm]?\s(?:anruf|videoanruf|chat|call)|"
    r"встроенн\w*\s(?:звон\w*|чат\w*|видео\w*))(?!\w)"
)
_BUT_ON_PLATFORM = lazy_compile(
    r"[^.!?\n]{0,40}?\b(?:but|mas|pero|mais|aber|ma|ale|ama|tapi|lekin|magar|но|لكن)\s(?:[^.!?\n\s]+\s){0,5}?"
    r"(?:here\s(?:\w+\s){0,2}?(?:through|via|on)\s(?:the\s)?(?:platform|upwork|fiverr)|(?:through|on|via)\s(?:the\s)?platform|"
    r"pela\splataforma|por\sla\splataforma|en\sla\splataforma|na\splataforma|par\sla\splateforme|sur\sla\splateforme|"
    r"[üu]ber\sdie\splattform|auf\sder\splattform|sulla\spiattaforma|tramite\s(?:la\s)?piattaforma|przez\s(?:platform[ęe]|portal)|"
    r"platform\s(?:üzerinden|içinden)|lewat\splatform|sa\splatform|platform\sse|через\s(?:площадку|платформу))"
)
"""A rail in passing, then "but here it all goes through the platform": "my old client paid by PayPal, but here …"."""


def _tr_negated(text: str, finding: Finding) -> bool:
    """The finding's last word, or the word after it, is a Turkish verb in the negative (see `_TR_NEGATED`)."""
    last = text[max(finding.start, text.rfind(" ", finding.start, finding.end) + 1) : finding.end]
    tail = _WORD_AFTER.match(text, finding.end)
    words = (last + (tail.group() if tail is not None else "")).split()
    return any(len(w) > 4 and w != "tamam" and _TR_NEGATED.search(w) for w in words[-2:])


def _sentence_after(text: str, end: int) -> str:
    return text[end : end + 160]


_SCRIPT_CUE = lazy_compile(
    r"(?i)\b(?:script|voice[- ]?over|vo\b|ivr|prompt|ad\scopy|commercial|radio|spot\b|end\scard|tag\sat\sthe\send|"
    r"read\s(?:it|this|for|the)|\w+\sread:|narrat\w*|tagline|jingle|voicemail\sgreeting|on-hold|line\sreads?|"
    r"placeholder|sample\sdata|dummy|mock(?:up)?|lorem|record\b|recording|read\sout|say:|button|label|cta\b|tooltip|heading|menu\sitem|banner|copy\b|"
    # the same in the other languages: "Locución: …", "Texto da locução", "voix off", "Sprechertext", "speakerato"
    r"locuci[oó]n|locu[cç][aã]o|locutor\w*|gui[oó]n|roteiro|cu[ñn]a\sde\sradio|grabar|grabaci[oó]n|gravar|grava[cç][aã]o|"
    r"voix\soff|enregistr\w*|sprechertext|sprecher\w*|skript|\w*aufnahme|\w*werbespot|"
    # how the number is to be spoken: "soll ich die Nummer langsamer sprechen?", "read the number slower"
    r"(?:langsamer|deutlicher|lauter)\s(?:sprechen|lesen|vorlesen|einsprechen)|"
    # a numbered line of a script under revision, a pause around the number: "Line 7 revised:", "kept the pause
    # before the number"
    r"(?:line|take|scene)\s\d{1,3}\s(?:revised|edited|updated|rewritten|v\d)|pause\s(?:before|after|around)\s(?:the\s)?(?:number|digits|code|url|cta)|(?:say|read|speak)\s(?:\w+\s){0,3}?(?:slower|more\sslowly)|copione|speakerato|lettura|"
    r"lektor\w*|nagrani\w*|seslendirme|dış\sses|sulih\ssuara|naskah|voice\sover|озвучк\w*|диктор\w*|сценари\w*|"
    # a voice wanted for a text, an answering machine's greeting: "a warm female voice for: "…"", "Texte du répondeur"
    r"(?:female|male|warm|deep|friendly|calm|neutral|young|mature|british|american)\svoice|voice\s(?:actor|actress|talent|"
    r"artist|for)|answering\smachine|auto-?attendant|hold\smessage|r[ée]pondeur|message\sd'accueil|annonce\svocale|"
    r"\w*anrufbeantworter|\w*ansage\w*|contestador|buz[oó]n\sde\svoz|secret[aá]ria\seletr[oô]nica|caixa\spostal|"
    r"segreteria\stelefonica|automatyczn\w*\ssekretark\w*|telesekreter|автоответчик\w*|الرد\sالآلي|بريد\sصوتي)"
)
_QUOTED = lazy_compile(
    r"[\"“”«»„]([^\"“”«»„]{1,2000})[\"“”«»„]"
    r"|(?:^|(?<=[\s:(]))'((?:[^'\n]|(?<=\w)'(?=\w)){1,2000})'(?=$|[\s.,;:!?)])"
)
_EXAMPLE = lazy_compile(
    r"(?i)(?:e\.g\.|eg\.|i\.e\.|for\sexample|for\sinstance|example:|such\sas|format(?:ted)?\s(?:like|as)|"
    r"(?:numbers?|formats?|values?|inputs?|strings?|emails?|addresses)\s(?:like|such\sas)|"
    r"test\s?value:?|testwert:?|sample:?|dummy:?|valor\sde\sprueba:?|valeur\sde\stest:?)\s?,?\s{0,2}$"
)
_REFUSAL = lazy_compile(
    r"(?i)\b(?:reported\s(?:it|them|him|her)|refused|(?:i|we|so|and|politely)\sdeclined|declined\s(?:it|him|her|them|the\soffer)|i\ssaid\sno|said\sno|not\sworth\slosing|"
    r"won'?t\sshare|don'?t\sshare|(?:please\s)?(?:don'?t|do\snot|never)\s(?:ask|tell|expect)\s(?:me|us)\sto\s|"
    r"i\s(?:only|always)\s(?:pay|get\spaid|work|accept\spayments?)\s(?:through|via|on|in)\s(?:the\s|this\s)?(?:platform|site|contract|escrow)|"
    r"never\sshare|rechazo|recusei|j'ai\srefus[ée]|abgelehnt|отказал\w*|"
    r"against\s(?:the\s)?(?:rules|tos|terms)|gegen\sdie\sregeln|contra\slas\s(?:reglas|normas)|contra\sas\sregras|"
    r"contre\sles\sr[èe]gles|против\sправил|prefiero\sno|prefiro\sn[ãa]o|je\spr[ée]f[èe]re\sne\spas|"
    r"nicht\sraus|nicht\sheraus|m[öo]chte\sich\snicht|не\sхочу|не\sбуду|не\sдам|not\scomfortable|"
    r"(?:appreciate|thanks\sfor)\sthe\soffer|please\sreport|report\s(?:it|them|this)|it'?s\snot\sus|"
    r"(?:we|i)\s(?:will\s)?never\sask|i'?ll\spass|no\sthanks|i\sdecline|(?:not|\w*n'?t)\ssomething\s(?:i|we)\s(?:do|offer|allow|accept|can\sdo)|"
    r"no\ses\salgo\sque\s(?:hago|haga|ofrezco|acepto)|n[ãa]o\s[ée]\salgo\sque\s(?:eu\s)?(?:fa[cç]o|fa[cç]a|aceito)|"
    r"ce\sn'est\spas\squelque\schose\sque\sje\s(?:fais|fasse|propose|accepte)|"
    # a bare "no" opening the sentence over a kind of payment or deal outside: "sorry, no split payments outside"
    r"(?:sorry|nope|unfortunately|afraid|but),?\sno\s(?:\w+\s)?(?:payments?|paying|deals?|transfers?|work|invoices?)\s(?:outside|off-|off\s|directly)|"
    r"nada\sde\s\w+\s(?:\w+\s)?por\sf(?:u?era|ora)|"
    # the request named, then turned down: "I can't accept that", "no puedo aceptarlo", "das kann ich nicht annehmen"
    r"(?:i|we)\s(?:can'?t|cannot|won'?t|do\snot|don'?t)\s(?:accept|agree\sto|go\swith)\s(?:that|this|it)\s?[,.!;—–-]|"
    r"no\s(?:puedo|podemos)\saceptar(?:lo|la|eso)?|n[ãa]o\s(?:posso|podemos)\saceitar|je\sne\s(?:peux|peut)\spas\saccepter|"
    r"kann\sich\snicht\s(?:annehmen|akzeptieren)|не\s(?:могу|можем)\s(?:это\s)?(?:принять|согласиться)|"
    # the sender would rather be paid on the platform: "prefiro receber o bônus pela plataforma mesmo"
    # (the verb of being paid named, not any words: a counted stretch after "prefer" costs every text's prefilter pass)
    r"(?:i'?d\srather|i\sprefer|i'?d\sprefer)\s(?:to\s)?(?:be\spaid|get\spaid|receive|get)\s(?:[\w']+\s){0,2}?(?:through|via|on)\s"
    r"(?:the\s)?platform|prefiero\s(?:cobrar|recibir)(?:lo|la|los)?\s(?:[\w']+\s){0,2}?por\sla\splataforma|"
    r"prefiro\s(?:receber|ser\spag[oa])\s(?:[\w']+\s){0,2}?pela\splataforma|"
    r"je\spr[ée]f[èe]re\s(?:être\spay[ée]e?|recevoir)\s(?:[\w']+\s){0,2}?(?:via|par|sur)\sla\splateforme|"
    r"(?:ich\s)?(?:m[öo]chte|werde)\s(?:lieber\s)?(?:[\w']+\s){0,2}?[üu]ber\sdie\splattform\s(?:bezahlt|zahlen|bezahlen)|"
    r"предпочитаю\s(?:получать|получить)\s(?:[\w']+\s){0,2}?через\s(?:платформу|площадку)|pas\sde\s(?:paiements?|virements?)\s(?:\w+\s)?(?:en\sdehors|hors)|"
    # the app asked about is not used: "you asked for my skype - I don't use it", in six languages
    r"i\s(?:don'?t|do\snot|never)\suse\s(?:it|that|one|them)\b(?!\s(?:for\swork\sbut|except))|no\slo\suso|n[ãa]o\s(?:o\s)?uso|"
    r"je\sne\sl'utilise\spas|nutze\sich\snicht|benutze\sich\snicht|не\sпользуюсь|"
    # someone else's request, reported: "a recruiter messaged me asking to move to Skype"
    r"(?:someone|somebody|a\s(?:client|recruiter|stranger|user|scammer|guy|person)|another\s(?:client|user|freelancer))\s"
    r"(?:\w+\s)?(?:messaged|asked|wanted|told|invited|tried|contacted|keeps?\sasking|pinged|dm'?d)|"
    # "the client asked me for my whatsapp" (not "the client asked me to get your whatsapp": a request passed on)
    r"(?:the|this|that|my|our)\s(?:client|customer|buyer|recruiter|stranger|user|scammer|guy|person|lead|seller)\s"
    r"(?:\w+\s)?(?:messaged|asked|wanted|invited|tried|contacted|keeps?\sasking|pinged|dm'?d)\b(?![^.!?\n]{0,40}\b(?:your|ur)\b)|"
    # the sender's answer to it, reported: "I told him we keep talking here"
    r"(?:i\s)?(?:told|answered|replied\sto|said\sto)\s(?:him|her|them)\s(?:that\s)?(?:we|i)\s(?:keep|stay|continue|only\s(?:talk|work))|"
    r"alguien\sme\s(?:escribi[oó]|pidi[oó]|propuso)|algu[eé]m\sme\s(?:pediu|mandou|escreveu)|"
    r"quelqu'un\sm'a\s(?:demand[ée]|[ée]crit|propos[ée])|jemand\shat\smich\s(?:gefragt|angeschrieben)|"
    r"кто-то\s(?:просил|писал|предложил|попросил)|"
    # the sender would rather keep the deal on the contract: "you asked about Zelle, I'd prefer we stay on the contract"
    r"(?:i'?d|i\swould|i)\s(?:prefer|rather)\s(?:(?:that\s)?we\s|to\s)?(?:stay|keep\s(?:it|things|everything|this)|remain|continue)\s"
    r"(?:on|in|with|through|here\son)\s(?:the\s|this\s|our\s)?(?:contract|platform|site|escrow|upwork|fiverr)|"
    r"prefiero\s(?:que\s)?(?:sigamos|quedarnos|nos\squedemos|mantenerlo|seguir)\s(?:\w+\s)?(?:en|por)\s(?:la\s|el\s)?(?:plataforma|contrato)|"
    r"prefiro\s(?:que\s)?(?:fiquemos|ficar|manter|continuar|seguir)\s(?:\w+\s)?(?:na|no|pela|pelo)\s(?:plataforma|contrato)|"
    r"je\spr[ée]f[èe]re\s(?:qu'on\sreste|rester|garder\s\w+)\s(?:sur|dans)\s(?:la\splateforme|le\scontrat)|"
    r"(?:ich\s)?bleibe?\s(?:lieber|gern)\s(?:auf|bei|im)\s(?:der\splattform|dem\svertrag|vertrag)|"
    r"(?:предпочитаю|лучше)\s(?:остаться|оставаться|работать)\s(?:на|через)\s(?:платформе|площадке|контракте|платформу|площадку))"
)

_CUSTOMER_CHANNEL = lazy_compile(
    r"(?i)\b(?:(?:our|their|its|the|his|her)\s(?:\w+\s)?(?:customers|clients|users|buyers|patients|guests|visitors|"
    r"members|subscribers|shoppers|students|leads|drivers|tenants|fans)\s(?:\w+\s){0,2}?(?:reach|contact|message|text|dm|"
    r"write\sto|chat\swith|talk\sto|order\sfrom|book\swith|find|call)\s(?:us|them|him|her|the\s(?:shop|store|team|"
    r"business|clinic|restaurant))"
    r"|(?:nuestros|nuestras|sus)\sclientes\s(?:nos|les)\s(?:escriben|contactan|hablan|llaman)"
    r"|(?:nossos|nossas|seus)\sclientes\s(?:nos|falam|escrevem|entram)"
    r"|(?:nos|leurs)\sclients\s(?:nous|les)\s(?:contactent|[ée]crivent|appellent)"
    r"|(?:unsere|ihre)\s(?:kunden|nutzer|g[äa]ste)\s(?:erreichen|kontaktieren|schreiben)\s(?:uns|sie|ihnen)"
    r"|(?:наши|их)\s(?:клиенты|покупатели|пользователи)\s(?:пишут|звонят|связываются)"
    # a bot answering the channel's messages: "should the chatbot reply to Instagram DMs too?", "DMs from customers"
    r"|(?:chat\s?bot|bot|auto-?responder|auto-?reply|automation)\s(?:\w+\s){0,3}?(?:reply|replies|respond|answer|handle|read|"
    r"process)\w*\s(?:to\s)?(?:[\w']+\s){0,2}?(?:dms|dm\s|direct\smessages|messages|chats|inbox)"
    # a rail as a feature of the app or shop being built: "a shop app with M-Pesa payments", "UPI payment gateway"
    r"|(?:app|website|site|shop|store|duka|checkout|tienda|loja|boutique)\s(?:\w+\s){0,3}?(?:with|yenye|that\saccepts?|"
    r"accepting|con|com|avec|mit)\s(?:malipo|payments?|pagos?|pagamentos?|paiements?|zahlung\w*)\s(?:ya|via|by|through|with|con|"
    r"por|com|par|per|über)\s"
    r"|payment\sgateway|checkout\s(?:page|flow|integration)"
    r"|(?:dms?|direct\smessages)\sfrom\s(?:\w+\s)?(?:customers|clients|users|buyers|followers|fans|leads|shoppers))"
)
"""A business's own customers reaching it on an app ("our customers reach us on WhatsApp Business; we need an FAQ
flow"): the channel is the subject of the work, not a way for the other party to reach the sender."""


def _clause_before(text: str, pos: int, width: int = 50) -> str:
    """The part of the `width` characters before `pos` after the last `_CLAUSE_BREAK` match.

    Same answer as taking the end of `_CLAUSE_BREAK`'s last match in the chunk, cheaper: the matches cannot
    overlap (one punctuation character, or a whole word between word boundaries), so the last one ends furthest
    right, and a word break can only lie after the last punctuation mark, in a tail that begins after a non-word
    character (so a boundary reads the same there as in the chunk). `rfind` finds the mark in C; the word pattern
    runs only over the tail, and only when one of its words occurs there. `_CLAUSE_BREAK` tried at every position
    of the chunk was the costliest `re` search of the contact+payment path (~20 us per soft finding)."""
    chunk = text[max(0, pos - width) : pos]
    find = chunk.rfind
    cut = max(find("."), find("!"), find("?"), find(";"), find(","), find("\n"))  # `_CLAUSE_BREAK`'s punctuation
    tail = chunk[cut + 1 :]
    if any(word in tail for word in _BREAK_WORDS):
        end = 0
        for m in _CLAUSE_BREAK_WORD.finditer(tail):
            end = m.end()
        return tail[end:]
    return tail


_BREAK_WORDS = ("but", "however", "pero", "mas", "mais", "aber", "но")
"""The words of `_CLAUSE_BREAK` (a substring test before `_CLAUSE_BREAK_WORD` runs)."""
_CLAUSE_BREAK_WORD = lazy_compile(r"\bbut\b|\bhowever\b|\bpero\b|\bmas\b|\bmais\b|\baber\b|\bно\b")
"""`_CLAUSE_BREAK` without its punctuation branch."""


def _clause_around(text: str, start: int, end: int, *, blank: bool = False) -> str:
    """The clause around a finding; `blank`: with the finding's own words left out, which say nothing of staying on the
    platform ("the platform with the paper plane logo" names Telegram)."""
    left = _clause_before(text, start, 80)
    right = text[end : end + 60]
    cut = _CLAUSE_BREAK.search(right)
    middle = " / " if blank and " platform " in f" {text[start:end]} " else text[start:end]
    return left + middle + (right if cut is None else right[: cut.start()])


def why_cancelled(doc: Document, finding: Finding) -> str | None:
    """A reason to drop this finding, or None to keep it."""
    if finding.allowed_by:
        return finding.allowed_by
    text = doc.lower
    if finding.soft:
        clause = _clause_before(text, finding.start)
        if finding.kind == "payment.offplatform":
            # "don't pay the fee" is the intent itself; only "won't pay you directly" negates. A word the cut
            # halves is dropped: "ne" of "this one out and do" is no French negation
            cut = max(0, len(clause) - 14)
            clause = clause[cut:] if cut == 0 or not clause[cut - 1].isalnum() else clause[cut:].partition(" ")[2]
        if (
            (_NEGATION.search(clause) and not _CONDITION_NEGATED.match(clause))
            or (finding.kind == "payment.rail" and _NO_BEFORE.search(clause))
            or (_ID_NOT_BEFORE.search(clause) and _ID_VERB.match(text, finding.start))
            or (clause.endswith("no ") and _NO_GIVE.match(text, finding.start))
        ):
            return "negated in its clause"
        after = text[finding.end : finding.end + 30]
        if any(w in after for w in _AFTER_WORDS) and _NEGATION_AFTER.match(after):
            return "negated in its clause"
        if not finding.kind.startswith("payment.") and _tr_negated(text, finding):
            return "negated in its clause"
        if not finding.kind.startswith("payment.") and _ON_PLATFORM.search(
            _clause_around(text, finding.start, finding.end, blank=True)
        ):
            return "the conversation stays on the platform"
        if finding.kind == "payment.rail" and _BUT_ON_PLATFORM.match(_sentence_after(text, finding.end)):
            return "a rail named in passing, then set against paying on the platform"
        if _may_match(doc, _REFUSAL_AT) and _REFUSAL.search(_sentence_and_reply(text, finding.start)):
            return "the sender refuses it, or reports someone else's request"
        if _may_match(doc, _CUSTOMER_CHANNEL_AT) and _CUSTOMER_CHANNEL.search(_sentence(text, finding.start)):
            return "a channel a business offers its own customers, named as the subject of the work"
        if finding.kind == "contact.request" and (why := _payment_request(text, finding)) is not None:
            return why
        if finding.kind == "payment.offplatform" and _in_quote(doc, finding):
            return "ad copy quoted in a script the sender is asked to read"
    if finding.kind.startswith("contact.") or finding.kind in _DETAIL_KINDS:
        if _in_quote(doc, finding):
            return "quoted in a script or sample the sender is asked to produce"
        if finding.kind in _DETAIL_KINDS and _EXAMPLE.search(text[max(0, finding.start - 24) : finding.start]):
            return "given as an example of a format"
        if finding.kind in _SITE_KINDS and _on_their_site(text, finding):
            return "on the other party's own site, named as the subject of the work"
        if finding.kind in _DATA_KINDS and _may_match(doc, _DATA_TASK_AT) and _data_task(text, finding):
            return "a data or code task about phone and e-mail fields, with nothing of the sender's own"
    return None


def _in_quote(doc: Document, finding: Finding) -> bool:
    return any(s <= finding.start and finding.end <= e for s, e in _quoted_spans(doc))


_PHONE_RAILS = lazy_compile(
    r"(?<!\w)(?:bizum|stc\s?pay|mb\s?way|g\s?cash|maya|paymaya|satispay|m-?pesa|jazz\s?cash|easypaisa|bkash|nagad|"
    r"twint|swish|vipps|mobilepay|blik|yape|plin|nequi|daviplata|paytm|phonepe|upi|pix|"
    r"بيزوم|(?:ال)?(?:اس\s?تي\s?سي|stc)\s?(?:باي|pay)|جاز\s?كاش|ايزي\s?بيسه)(?!\w)"
)
"""Payment apps whose account is the owner's phone number: asked for "your number" beside one of them, the number is
where the money goes (a payment detail), not a way to talk."""
_ASKS_NUMBER = lazy_compile(
    r"(?:n[uú]mer[oa]?|number|num[ée]ro|nummer|numara|nomor|nomer|m[oó]vil|celular|cel|telefone?|phone|mobile|"
    r"رقم\w*|номер\w*|نمبر)"
)
_OFF_PLATFORM_WORDS = lazy_compile(
    r"^(?:au(?:ß|ss)erhalb|вне|за\sпределами|outside|fuera|fora|en\sdehors|poza|di\sluar|d[iı][şs][iı]nda|خارج|برا|"
    r"fuori|luar\s|deal\sprivately|privately|প্ল্যাটফর্মের\sবাইরে|বাইরে)"
)
_PAY_TALK = lazy_compile(
    r"(?<!\w)(?:pay\w*|paid|zahl\w*|bezahl\w*|überweis\w*|usdt|btc|crypto|krypto|wallet|iban|оплат\w*|плат[иеёя]\w*|"
    r"перев[оеи]\w*|кошел\w*|крипт\w*|pag(?:[oa]|ar\w*|amos|ue\w*|amento\w*|ando)(?!\w)|paiement|payer|virement|płat\w*|przelew\w*|ödeme\w*|bayar\w*|"
    r"الدفع|ادفع|تحويل|commission|fees?|bonifico|টাকা|পাঠা\w*|পেমেন্ট)"
)


def _payment_request(text: str, finding: Finding) -> str | None:
    """A contact request that belongs to a payment: the other party's number asked for beside a payment app keyed by
    phone numbers ("el resto por Bizum, pásame tu móvil", "send me your number on STC Pay"), or "outside the platform"
    said of paying ("Zahlung in USDT, außerhalb der Plattform"). The payment finding stands; the request is its
    detail, not a way to talk."""
    said = text[finding.start : finding.end]
    sentence = _sentence(text, finding.start)
    if _ASKS_NUMBER.search(said) and _PHONE_RAILS.search(sentence):
        return "the number asked for is the account of a payment app keyed by phone numbers"
    if _OFF_PLATFORM_WORDS.match(said) and _PAY_TALK.search(sentence):
        return "outside the platform, said of paying: a payment finding, not a contact one"
    return None


_DETAIL_KINDS = frozenset({"contact.phone", "contact.email", "contact.url", "payment.account", "payment.wallet"})
_SITE_KINDS = frozenset({"contact.email", "contact.url"})
_THEIR_SITE = lazy_compile(
    r"\b(?:your|ur|tu|tus|su|sus|seu|sua|ton|ta|tes|votre|vos|dein\w*|ihr\w*|твой|твоем|твоём|ваш\w*)\s(?:\w+\s){0,2}?"
    r"(?:site|website|web|webpage|page|footer|header|homepage|landing\spage|contact\spage|contact\sform|shop|store|"
    r"sitio|p[aá]gina|pie\sde\sp[aá]gina|rodap[ée]|pied\sde\spage|webseite|seite|fu[ßs]zeile|impressum|"
    r"сайт\w*|страниц\w*|футер\w*|подвал\w*)\b"
)
_SITE_REPAIR = lazy_compile(
    r"\b(?:broken|breaks|fix|fixed|bug|remove|delete|duplicate[ds]?|twice|typo|wrong|outdated|old|update|replace|change|"
    r"redirects?|404|form\saction|missing|doesn'?t\swork|not\sworking|arregl\w*|rot[oa]s?|quit\w*|elimin\w*|duplicad\w*|"
    r"corrig\w*|quebrad\w*|remov\w*|troc\w*|cass[ée]e?s?|supprim\w*|en\sdouble|kaputt\w*|reparier\w*|entfern\w*|doppelt|"
    r"[äa]nder\w*|falsch\w*|сломан\w*|исправ\w*|убра\w*|удал\w*|дубл\w*)\b"
)
_SENTENCE_END = lazy_compile(r"[.!?\n](?=\s|$)")
_MINE = lazy_compile(
    r"\b(?:my|mine|reach\sme|contact\sme|email\sme|write\sme|mi|mis|meu|minha|mon|ma|mein\w*|мо[йяюе]\w*)\b"
)


def _on_their_site(text: str, finding: Finding) -> bool:
    """An address or a link the message places on the other party's own site, whose repair is the work: "your site's
    footer has info@… twice, want me to remove the duplicate?", "your contact page at yourbrand.com/contact has a
    broken form". The sentence names their site, a repair, and nothing of the sender's own."""
    left = text[max(0, finding.start - 200) : finding.start]
    ends = list(_SENTENCE_END.finditer(left))
    right = text[finding.end : finding.end + 200]
    cut = _SENTENCE_END.search(right)  # the sentence around the detail, whose own dots end nothing
    rest = f"{left[ends[-1].end() if ends else 0 :]} {right[: cut.start() if cut else None]}"
    return _THEIR_SITE.search(rest) is not None and _SITE_REPAIR.search(rest) is not None and _MINE.search(rest) is None


_DATA_KINDS = frozenset({"contact.phone", "contact.email"})
_DATA_TASK = lazy_compile(
    r"(?i)\b(?:csv|tsv|xls|spreadsheet|column|field|regex|e\.164|normali[sz]|validat|pars(?:e|er|ing)|schema|database|"
    r"crm|dataset|test\s(?:number|data)|placeholder|dummy|mock-?up|wireframe|traceback|exception(?::|\s)|stack\s?trace|unit\stest|spalte|feld|datenbank|"
    r"columna|campo|colonne|champs\s|столб|поле\s|поля\s|export|import(?:ed|ing|s)?\s|rows?\s|"
    # the same task in the other languages: a sheet or a database whose numbers are to be made uniform
    r"planilha|hoja\sde\sc[aá]lculo|tableur|tabelle|foglio\sdi\scalcolo|arkusz|w\sbazie|baz[aiy]\sdanych|"
    r"base\sde\sdatos|banco\sde\sdados|base\sde\sdonn[ée]es|veritaban|таблиц|в\sбазе|unific|padroniz|estandariz|"
    r"uniformi[sz]|harmoni[sz]|vereinheitlich|ujednolic|standaryz|standart\shale|seragamkan|привести\sк|привести\sв|"
    r"унифиц|نوحد|نوحّد|توحيد|الجدول|جدول\sالبيانات|قاعدة\sالبيانات|"
    r"format(?:ting)?\s(?:all\s|the\s)?(?:phones|numbers|e-?mails|addresses|columns?|fields?))"
)  # prefixes, with no closing boundary: the rule reads a window of the text, which may end inside a word
"""Words of a task about phone and e-mail data: "normalise the CSV's phones to E.164", a regex, a traceback. Not
"format" alone: people give their own number "in international format"."""
_PERSONAL = lazy_compile(
    r"(?i)\b(?:my|mine|me|i'm|i\sam|reach|whats\s?app|telegram|viber|mein\w*|mich|mir|mi|meu|minha|mon|ma|mes|moi|"
    r"мой|моя|мою|мне|меня|mój|moj|moja|mojego|mnie|mio|mia|benim|numaram|saya|aku|mera|meri|رقمي|"
    r"(?:call|text|ring|dial|sms|message|write|ping)\s(?:me|us|anytime|now|at|on|after|before))\b"
)
"""What makes a detail the sender's own ("my number", "call me", "reach"): beside these, data talk cancels nothing."""


def _data_task(text: str, finding: Finding) -> bool:
    """A phone number or address in a data or code task ("the CSV has phones like ...; normalise them to
    E.164", a regex, a traceback), where nothing says it is the sender's own. Short messages are read whole."""
    lo, hi = (0, len(text)) if len(text) <= 600 else (max(0, finding.start - 300), finding.end + 300)
    # the detail itself is left out: its words are not talk about data ("jo@fieldnote.studio" is no "field")
    window = text[lo : finding.start] + " " + text[finding.end : hi]
    return _DATA_TASK.search(window) is not None and _PERSONAL.search(window) is None


def _sentence(text: str, pos: int, width: int = 200) -> str:
    lo, hi = max(0, pos - width), min(len(text), pos + width)
    start = max(text.rfind(c, lo, pos) for c in ".!?\n") + 1 or lo
    ends = [i for i in (text.find(c, pos, hi) for c in ".!?\n") if i >= 0]
    return text[max(start, lo) : min(ends) if ends else hi]


def _sentence_and_reply(text: str, pos: int) -> str:
    """The sentence around `pos`, and the next one when it is a question the sender answers at once ("my
    telegram? I don't use it")."""
    sentence = _sentence(text, pos)
    mark = text.find("?", pos, pos + 200)
    if mark < 0 or any(text.find(c, pos, mark) >= 0 for c in ".!\n"):
        return sentence  # not a question, or the sentence ends before one
    return sentence + " " + _sentence(text, min(len(text), mark + 2))


def _quoted_spans(doc: Document) -> list[tuple[int, int]]:
    """Quoted passages of a text that asks for a script, copy or sample data; computed once per document."""
    cached: list[tuple[int, int]] | None = doc.__dict__.get("_quoted")
    if cached is None:
        asked = _may_match(doc, _SCRIPT_CUE_AT) and _SCRIPT_CUE.search(doc.lower)
        cached = [m.span() for m in _QUOTED.finditer(doc.text)] if asked else []
        if asked and ":" in doc.text:
            cached.extend(
                m.span("passage")
                for m in _SCRIPT_PASSAGE.finditer(doc.lower)
                if not _REACH_ME.search(m.group(), 0, m.start("passage") - m.start())
            )
        doc.__dict__["_quoted"] = cached
    return cached


_SCRIPT_PASSAGE = lazy_compile(
    r"(?:^|[.!?\n])[^.!?\n:]{0,60}?\b(?:script|voice[- ]?over|ivr|ad\scopy|commercial|radio\sspot|"
    r"(?:in|for)\sthe\s(?:ad|spot|promo)|"
    r"read\s(?:\w+\s){0,3}?(?:aloud|out\sloud|slowly|clearly)|narrat\w*|jingle|voicemail\sgreeting|on-hold\s(?:message|line))\b"
    r"[^.!?\n:]{0,30}:(?P<passage>[^\n]{1,300})"
)
_REACH_ME = lazy_compile(r"\b(?:text|call|ring|message|e-?mail|whats\s?app|reach|contact|ping|dm)\s(?:me|us)\b")
"""'text me:' before the colon makes the passage the sender's own detail, whatever the script talk around it."""
"""The passage after a colon that a script cue introduces, read as if quoted: "read the number slowly in the ad:
five five five, oh one two three"."""


_SPACE = r"[\s\v\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
"""Every character Python's `\\s` matches in a str pattern; RE2's `\\s` is ASCII only."""
_SPACE_IN_CLASS = lazy_compile(r"(?<!\\)\[(?:\\.|[^\]\\])*\\s")


def _loose(pattern: re.Pattern[str], *, in_part: bool) -> str:
    """`pattern` widened for RE2, with `\\s` as wide as Python's. `in_part`: the rule searches a part of the
    text (a sentence), so the widened form must not depend on what lies around a match (no anchor, no
    consumed word edge), else a yes/no about the whole text would not answer for the part."""
    widened = widen(pattern.pattern)
    if _SPACE_IN_CLASS.search(widened) or (in_part and re.search(r"[$^]", widened.replace("[^", "["))):
        raise ValueError(f"cannot gate {pattern.pattern!r} on the whole text: {widened!r}")
    return widened.replace("\\s", _SPACE)


_SCRIPT_CUE_AT, _REFUSAL_AT, _DATA_TASK_AT, _CUSTOMER_CHANNEL_AT = 0, 1, 2, 3
_LOOSE = Prefilter(
    [
        _loose(_SCRIPT_CUE, in_part=False),
        _loose(_REFUSAL, in_part=True),
        _loose(_DATA_TASK, in_part=True),
        _loose(_CUSTOMER_CHANNEL, in_part=True),
    ],
    ready=True,
)
"""The context rules that read long stretches, asked once per document in one RE2 pass: most messages with
a finding contain neither a script cue nor a refusal, and Python's `re` would try every phrase of both at
every character (tens of microseconds per finding). A rule RE2 rules out is not run."""


def _may_match(doc: Document, which: int) -> bool:
    """False only when the rule `which` cannot match anywhere in `doc.lower`, nor so in any part of it."""
    found: frozenset[int] | None = doc.__dict__.get("_context_rules")
    if found is None:
        found = doc.__dict__["_context_rules"] = frozenset(_LOOSE.candidates(doc.lower))
    return which in found


def in_code(doc: Document, finding: Finding) -> bool:
    return doc.in_code(finding.start, finding.end)
