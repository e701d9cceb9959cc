"""Asking for contact details, offering them, and pointing the way to them.

"what's your email?", "drop your number", "here is my number", "let's talk outside the platform",
"google my studio name, the contact page has my number", in English, Spanish, Portuguese, French,
German and Russian. These are words about contact, not the contact itself, so they are soft: negation
("I can't share my email here") and on-platform context ("a call here on the platform") cancel them.
"""

from __future__ import annotations

from marketguard.core.detectors.base import DetectorInfo
from marketguard.core.detectors.contact import request_asia, request_europe, request_langs, request_langs_more
from marketguard.core.detectors.pattern import Phrase, PhraseDetector

_DETAIL_EN = (
    r"(?:personal\s|private\s|direct\s|own\s|real\s|work\s|business\s)?(?:e-?mail(?:\saddress|\sid)?|mail|"
    r"gmail|g-m-[a4@]-[i1!]-l|phone(?:\snumber|\s#|\sno)?|number|direct\sline|cell(?:\snumber|phone)?|mobile(?:\snumber)?|contacts?"
    r"(?:\sinfo(?:rmation)?|\sdetails|\snumber)?|digits|whats\s?app(?:\snumber)?|telegram(?:\shandle|\sid)?|"
    r"skype(?:\sid)?|socials?|handle|insta(?:gram)?|ig|discord|wechat(?:\sid)?|line\sid|"
    r"(?:outlook|hotmail|yahoo|icloud|proton(?:mail)?|gmail)\s(?:address|account|id)|"
    # a personal booking page, which books a call outside and carries the person's own details
    r"(?:calendly|cal\.com|booking|scheduling)\s(?:link|page|url))"
)
_QUALIFIER = r"(?:(?:paypal|payoneer|wise|zelle|venmo|revolut|skype|google|apple|icloud|other)\s)"
"""A rail or app named before the detail: "what's your Payoneer email?" still asks for an e-mail address."""

PHRASES: tuple[Phrase, ...] = (
    # --- asking ---------------------------------------------------------------------------------------
    Phrase(
        "ask-detail",
        rf"\b(?:what(?:'s|s|\sis|\sare)|whats|send|give|share|drop|leave|shoot|pass|provide|tell|dm|"
        rf"text|write\sdown|"
        # the verb as a gerund after a polite frame: "would you mind sharing your phone number"
        rf"sharing|sending|giving|passing|dropping|leaving|texting)\s(?:me\s|us\s)?"
        # the detail asked for beside something else: "send portfolio and your phone number"
        rf"(?:(?:your\s|ur\s|the\s|a\s)?[\w-]+\s(?:and|&|\+|plus)\s)?(?:your|ur|yr|ya)\s{_QUALIFIER}?{_DETAIL_EN}\b",
        "contact.request",
        0.85,
        "asks for a contact detail",
    ),
    Phrase(
        "give-me-a-detail",
        r"\b(?:give|send|drop|leave|text)\s(?:me|us)\s(?:a|an|the|some)\s(?:personal\s|direct\s)?"
        r"(?:e-?mail|phone(?:\snumber)?|number|cell|mobile|contact(?:\snumber)?|whats\s?app)\b"
        r"|\b(?:share|provide)\s(?:(?:me|us)\s|with\s(?:me|us)\s)?(?:a|an|some)\s(?:personal\s|direct\s|private\s|mobile\s|cell\s)?"
        r"(?:e-?mail(?:\saddress)?|(?:phone|cell|mobile|whats\s?app|contact)\snumber|whats\s?app(?!\s(?:clone|bot|api|flow|button)))\b",
        "contact.request",
        0.8,
        "asks for a contact detail",
    ),
    Phrase(
        "how-reach-you",
        r"\bhow\s(?:do|can|could|should|would)\s(?:i|we)\s(?:reach|contact|call|text|get\shold\sof|find)\s"
        r"(?:you|u)\b",
        "contact.request",
        0.75,
        "asks for a way to reach the other party",
    ),
    Phrase(
        "best-way-reach",
        r"\b(?:best|easiest|quickest|fastest|quicker|faster|easier|better|simpler|other|another|direct)\sway\sto\s(?:reach|contact|"
        r"talk\sto|get\shold\sof|get\sin\stouch\swith|call|text)\s(?:you|u)\b"
        r"|\b(?:is\sthere|any|some|need|want|have|got|get)\s(?:a\s|another\s|other\s)?way\sto\s(?:reach|contact|talk\sto|message|call|text)\s(?:you|u)\s"
        r"(?:outside|off|directly|privately|elsewhere|personally)\b"
        # "what's the best number to reach you on?", "the best e-mail to contact you at"
        r"|\b(?:best|right|direct|quickest|fastest)\s(?:phone\s)?(?:number|e-?mail(?:\saddress)?|whats\s?app|line)\sto\s(?:reach|contact|call|text|"
        r"message|get\shold\sof)\s(?:you|u)\b"
        # "is there somewhere else I can message you?"
        r"|\b(?:somewhere|anywhere|someplace|a\splace)\selse\s(?:i|we)\s(?:can|could)\s(?:message|reach|contact|text|call|talk\sto|chat\swith|dm)\s(?:you|u)\b"
        # "what's the best email to send the Figma invite to?", "the right number to add you on": the detail to
        # send an invite or a file to (not "address" alone: a postal one; not "number" alone: a figure)
        r"|\b(?:best|right|correct|preferred|ideal|good)\s(?:personal\s|direct\s|work\s)?(?:e-?mail(?:\saddress)?|gmail|"
        r"address(?=\sto\se-?mail)|"
        r"(?:phone\s|cell\s|mobile\s|whats\s?app\s)?number(?=\sto\s(?:text|add|call|reach|whats\s?app)))\s(?:to\s(?:send|use|add|"
        r"invite|share|forward|text|cc|loop|call|reach|whats\s?app|e-?mail)|for\s(?:the\s|an?\s)?(?:invite|invitation|figma|drive|docs?|"
        r"calendar|meeting|sharing))\b",
        "contact.request",
        0.8,
        "asks for another way to reach the other party",
    ),
    Phrase(
        "detail-for-invite",
        # "your google account email to give you access to the drive", "email to add you to the board"
        r"\b(?:e-?mail|gmail|number|phone|address)\s(?:for|to\ssend|to\sshare|to\s(?:give|grant)\s(?:you\s)?access\sto|"
        r"to\s(?:add|invite)\s(?:you\s)?(?:to|on))\s(?:the\s|a\s|our\s)?"
        r"(?:meet|zoom|calendar|google|drive|invite|teams|call|hangouts?|slack|docs?|sheet|folder|figma|notion|jira|trello|"
        r"asana|board|repo)\b",
        "contact.request",
        0.8,
        "asks for a contact detail to send an invitation",
    ),
    Phrase(
        "which-email",
        r"\b(?:which|what)\s(?:gmail|e-?mail(?:\saddress)?|address|number|phone\snumber)\s(?:should|can|do|"
        r"to|shall|would)\b",
        "contact.request",
        0.8,
        "asks for a contact detail",
    ),
    Phrase(
        "do-you-have-a",
        r"\b(?:do|did)\s(?:you|u)\s(?:have|got)\s(?:a|an|any)\s(?:personal\s|private\s|direct\s|other\s|second\s|real\s)?"
        r"(?:phone(?:\snumber)?|number|e-?mail|cell|mobile|whats\s?app|telegram|skype)\b"
        # "is there an email I can send the invoices to?", "is there a number I can text?"
        r"|\b(?:is\sthere|got|have\syou\sgot)\s(?:an?|another|some)\s(?:personal\s|private\s|direct\s|other\s)?(?:e-?mail(?:\saddress)?|"
        r"gmail|(?:phone\s|cell\s|mobile\s|whats\s?app\s)?number|address(?=\s(?:i|we)\s(?:can|could|should|may)\s(?:e-?mail|mail|cc)\b))"
        r"\s(?:i|we)\s(?:can|could|should|may)\s(?:send|forward|e-?mail|mail|cc|text|call|reach|add|invite|share|ping|message)\b",
        "contact.request",
        0.8,
        "asks whether the other party has an outside contact",
    ),
    Phrase(
        "got-an-app",
        # "u got discord or sth?": the question, in chat shorthand, with a vague tail
        r"\b(?:you|u|ya)\s(?:got|have|use|on)\s(?:a\s|an\s)?(?:discord|telegram|whats\s?app|signal|singal|sginal|signla|skype|wechat|viber|"
        r"insta(?:gram)?|ig|snap(?:chat)?|kakao(?:\s?talk)?|line)(?:\s(?:or\s(?:sth|something|smth|anything|smthg|what)|too|"
        r"as\swell|by\sany\schance|maybe|btw))?\s?\?",
        "contact.request",
        0.8,
        "asks whether the other party has an outside messaging app",
    ),
    Phrase(
        "find-me-abroad",
        r"\b(?:such(?:e|t)?\smich|finde(?:st|t)?\s(?:du\s)?mich|retrouve[sz]?[- ]moi|cherche[sz]?[- ]moi|trouve[sz]?[- ]moi|"
        r"b[uú]scame|encu[eé]ntrame|me\s(?:procura|procure|acha|ache|encontra)|найди(?:те)?\sменя|ищи(?:те)?\sменя)\s"
        # where, or under which name: "búscame como", "such mich unter", "cherche-moi sous"
        r"(?:auf|bei|sur|en|no|na|в|на|como|comme|sous|als|unter|как|под)\b",
        "contact.pointer",
        0.8,
        "tells the other party where to find the sender",
    ),
    Phrase(
        "may-i-have",
        rf"\b(?:can|could|may)\s(?:i|we)\s(?:get|have|grab|take)\s(?:your|ur)\s{_DETAIL_EN}\b",
        "contact.request",
        0.85,
        "asks for a contact detail",
    ),
    Phrase(
        "how-reach",
        r"\bhow\s(?:can|do|could)\s(?:i|we)\s(?:reach|contact|call|text|email|find)\s(?:you|u)\s"
        r"(?:outside|off|directly|privately|personally)",
        "contact.request",
        0.85,
        "asks how to reach the other party off the platform",
    ),
    Phrase(
        "contact-me-at",
        r"\b(?:call|text|txt|email|e-mail|mail|ring|phone|sms|whats\s?app|dm|ping|reach|contact|"
        r"message|msg|write\sto|hit)\s(?:me|us)\s(?:up\s)?(?:at(?!\s\d{1,2}(?:\b|[ap]\.?m|:\d))|on(?!\s(?:the\sway|time|my\sway|(?:the\s|this\s)?(?:upwork|fiverr|platform))\b)|"
        r"via|directly|outside|privately|personally|on\smy)\b",
        "contact.request",
        0.8,
        "invites contact outside the platform",
    ),
    Phrase(
        "email-me",
        r"\b(?:email|e-mail|text|txt|sms|whats\s?app|call|ring)\s(?:me|us)\b(?!\s(?:here|(?:on|in|via|through)\s(?:the\s|this\s)?(?:upwork|fiverr|platform)))",
        "contact.request",
        0.5,
        "invites contact by e-mail, text or call",
    ),
    Phrase(
        "offer-detail",
        rf"\b(?:here(?:'s|\sis)|this\sis|heres|below\sis|attached\sis)\smy\s{_DETAIL_EN}\b",
        "contact.request",
        0.8,
        "offers a contact detail",
    ),
    Phrase(
        "give-you-my-detail",
        rf"\b(?:give|send|text|drop|pass|share|dm|leave)\s(?:you|u|ya)\smy\s{_DETAIL_EN}\b"
        r"(?!\s(?:template|draft|copy|signature|campaign|sequence|list|newsletter|thread|design|layout|flow)s?\b)",
        "contact.request",
        0.8,
        "offers a contact detail",
    ),
    Phrase(
        "my-detail-is",
        rf"\bmy\s{_DETAIL_EN}\s(?:is|:|-|=)(?=\s?(?:\+|\d|[\w.]+\s?@|[\w.]+\s(?:at|dot)\s|@|live:|"
        r"(?:zero|one|two|three|four|five|six|seven|eight|nine|oh)\b|[a-z][\w.]*[\d_.][\w.]*\b))",
        "contact.request",
        0.75,
        "offers a contact detail",
    ),
    Phrase(
        "take-outside",
        r"\b(?:talk|chat|continue|discuss|communicate|connect|speak|move|switch|work|deal|call|meet|"
        r"take\s(?:this|it|things)|do\sbusiness)\s(?:\w+\s){0,3}?"
        r"(?:outside(?:\sof)?\s(?:the\s)?(?:platform|upwork|fiverr|site|app|here)|"
        r"off(?:-|\s)?(?:platform|upwork|fiverr|site|the\ssite|the\splatform)|"
        r"privately|directly\s(?:with\sme|with\seach\sother)|elsewhere|somewhere\selse)",
        "contact.request",
        0.85,
        "proposes to continue off the platform",
    ),
    Phrase(
        "skip-platform",
        r"\b(?:skip|leave|ditch|bypass|avoid|get\soff)\s(?:the\s)?(?:platform|upwork|fiverr|site|app)\b",
        "contact.request",
        0.85,
        "proposes to leave the platform",
    ),
    # --- pointing the way --------------------------------------------------------------------------------
    Phrase(
        "only-one-named",
        r"\b(?:i'?m|i\sam)\sthe\sonly\s[^.!?\n]{1,40}?\s(?:on|in)\s(?:linkedin|facebook|fb|instagram|ig|"
        r"twitter|x|github|behance|google)\b",
        "contact.pointer",
        0.8,
        "says the sender is easy to find elsewhere",
    ),
    Phrase(
        "google-me",
        r"\b(?:google|search(?:\sfor)?|look\sup)\s(?:me|us|my\s(?:full\s)?(?:name|studio|company|agency|business|"
        r"brand|site|website|username)|our\s(?:studio|company|agency|business))\b"
        # "tapez mon nom sur Google", "busca mi nombre", "pesquisa meu nome", "cerca il mio nome", "googel meinen Namen"
        r"|\b(?:tape[zs]?|cherche[zs]?|recherche[zs]?|google[zs]?)\s(?:mon\s(?:nom|studio|entreprise|agence)|ma\s(?:soci[ée]t[ée]|bo[iî]te))\b"
        r"|\b(?:busca|buscad|busque|googlea|escribe)\s(?:mi\s(?:nombre|estudio|empresa|agencia))\b"
        r"|\b(?:procura|pesquisa|busca|digita)\s(?:o\s|a\s)?(?:meu\s(?:nome|est[úu]dio)|minha\s(?:empresa|ag[êe]ncia))\b"
        r"|\b(?:cerca|cercate|digita|googla)\s(?:il\s|la\s)?(?:mio\s(?:nome|studio)|mia\s(?:azienda|agenzia))\b"
        r"|\b(?:such|google|googel)\w*\s(?:nach\s)?(?:meinem\snamen|meinen\snamen|meinem\sstudio|meiner\sfirma)\b"
        r"|(?:загугли|погугли|найди|поищи)\w*\s(?:мо[её]\sимя|мою\s(?:студию|компанию|фамилию))",
        "contact.pointer",
        0.8,
        "tells the other party how to find the sender off the platform",
    ),
    Phrase(
        "find-me-on",
        r"\b(?:find|follow|look\sfor|search\sfor|add|look)\s(?:me|us)\s(?:up\s)?(?:on|at|via)\b"
        r"(?!\s(?:the\s|this\s)?(?:upwork|fiverr|platform)\b)",
        "contact.pointer",
        0.8,
        "tells the other party where to find the sender",
    ),
    Phrase(
        "site-has-contact",
        r"\b(?:my|our|the)\s(?:website|site|portfolio|contact\spage|bio|profile\spic(?:ture)?|"
        r"readme|homepage|linktree|link\sin\sbio|github|logo|card|business\scard|cv|resume|pdf|"
        r"portfolio\simage|signature|avatar|profile\sphoto|photo|banner|intro\svideo)\b"
        # the page as the subject of the work: "the contact page on your site needs a form with name, email …"
        r"(?![^.!?\n]{0,70}?\b(?:needs?|forms?|fields?|inputs?|template|placeholders?)\b)[^.!?\n]{0,40}\b(?:has|have|"
        r"lists|shows|says|contains|includes|with)\b[^.!?\n]{0,30}\b(?:number|email|e-mail|contacts?|phone|whats\s?app|"
        r"how\sto\s(?:reach|contact)|skype|telegram|qr|direct\sline|cell|mobile)",
        "contact.pointer",
        0.8,
        "points to a place that shows the sender's contact details",
    ),
    Phrase(
        "detail-in-my-picture",
        r"\bthe\s(?:number|phone\snumber|e-?mail(?:\saddress)?|contacts?|contact\s(?:info|details)|whats\s?app|handle)(?:'s)?\s"
        r"(?:is\s|that'?s\s)?(?:in|on|at\sthe\sbottom\sof|under)\smy\s(?:profile\s(?:pic(?:ture)?|photo|image|banner|header)|"
        r"avatar|bio|cover(?:\sphoto|\simage)?|banner|logo|cv|resume|portfolio(?:\spdf)?|intro\svideo|watermark|pdf|"
        r"(?:e-?mail\s)?signature|letterhead|deck|proposal|brochure)\b"
        # not a count shown there: "the number in my profile pic is my follower count"
        r"(?![^.!?\n]{0,30}\b(?:followers?|likes|views|subscribers|count|rating|score|ranking|badge|level)\b)",
        "contact.pointer",
        0.8,
        "points to a picture or document of the sender's that shows a contact detail",
    ),
    Phrase(
        "detail-in-document",
        # "my direct line is printed in the footer of the PDF", "my Signal is written on the last slide of my deck"
        r"\bmy\s(?:personal\s|direct\s|private\s|work\s)?(?:e-?mail(?:\saddress)?|gmail|(?:phone\s|cell\s|mobile\s)?number|"
        r"direct\sline|cell|mobile|whats\s?app(?:\snumber)?|telegram|signal|skype|viber|discord|contact\s(?:details|info)|contacts)"
        r"(?:\s(?:is|are|sits|appears|can\sbe\sfound)|'s)\s(?:\w+\s){0,2}?(?:printed|written|listed|shown|included|noted|given|found|"
        r"on|in|at|under|inside)\b[^.!?\n]{0,50}?\b(?:pdf|cv|resume|deck|slides?|footer|header|signature|letterhead|"
        r"business\scard|portfolio|bio|attachment|attached|brochure|flyer|cover\spage|watermark|qr\scode|website|homepage)\b",
        "contact.pointer",
        0.8,
        "points to a document or page of the sender's that shows a contact detail",
    ),
    Phrase(
        "search-name-then-contact",
        # "look up Verdant Pixel on google maps, call the studio and ask for me": a name to search on a network or a
        # map, then a way to reach the sender there ("procura X no Instagram, o número tá na bio")
        # (an open stretch for the name, not counted words: after a word as common as "find" the prefilter's
        # automaton would unroll every count)
        r"\b(?:look\sup|search(?:\sfor)?|google|find)\s[^.!?,\n]{2,40}?\s(?:on|in)\s(?:google(?:\smaps)?|maps|linkedin|"
        r"instagram|insta|ig|facebook|fb|yelp|tiktok|behance|dribbble|youtube)\b[^.!?\n]{0,12}?[,;]?\s?(?:and\s|then\s)?"
        r"(?:(?:call|text|message|dm|e-?mail|ring|phone|whats\s?app|contact|ping|write\sto)\s(?:me|us|the\s(?:studio|shop|store|"
        r"office|agency|number|team)|my)\b|ask\sfor\sme|(?:the|my)\s(?:number|phone|e-?mail|whats\s?app|contact\sinfo)\s(?:is|'s)|"
        r"give\s(?:me|us|the\s(?:studio|shop|store|office|agency))\sa\s(?:call|ring|text|buzz))"
        r"|\b(?:procura|pesquisa|busca|cherche[sz]?|such(?:e|t)?|cerca)\s[^.!?,\n]{2,40}?\s(?:no|na|en|sur|auf|bei|su)\s"
        r"(?:google(?:\smaps)?|maps|linkedin|instagram|insta|facebook|fb|tiktok|behance)\b[^.!?\n]*?\b"
        # "…, nella pagina contatti trovi il mio cellulare", "…, o número tá na bio"
        r"(?:n[uú]mero|num[ée]ro|nummer|telefone|tel[eé]fono|t[ée]l[ée]phone|cellulare|celular|portable|handy|contato|contacto|"
        r"contatti|kontakt\w*|whats\w*|zap|liga|ligue|llama|llamen|appelle[sz]?|ruf|chiama\w*|mio\s(?:sito|numero))"
        # Arabic: "دور على X في جوجل، رقمي موجود في صفحة التواصل"
        r"|(?:دور|دوري|ابحث|ابحثي|فتش|شوف|اكتب)\s(?:على|عن)?\s?[^.!?\n]{2,40}?\s(?:في|على|ب)\s?(?:جوجل|قوقل|غوغل|خرائط\sجوجل|"
        r"انستغرام|انستقرام|انستا|فيسبوك|فيس|لينكد\S*)[^.!?\n]{0,50}?(?:رقمي|رقم|ايميلي|إيميلي|واتساب|صفحة\sالتواصل|اتصل|كلمني)"
        # "my shop is on google maps, <name> in <town>, ring the number there"
        r"|\b(?:my|our)\s(?:company|business|shop|store|studio|agency|office|salon|restaurant|bakery|firm|practice|clinic)\s"
        r"(?:is\s|'s\s)?(?:listed\s)?on\s(?:google(?:\smaps)?|maps|yelp|facebook|tripadvisor)\b[^.!?\n]*?\b"
        r"(?:(?:call|ring|text|dial|phone)\s(?:the\s(?:number|shop|office|studio)|us|me)|the\s(?:number|phone|e-?mail)\s(?:is\s)?there)\b",
        "contact.pointer",
        0.8,
        "tells the other party to look the sender up by name elsewhere and reach them there",
    ),
    Phrase(
        "green-app-abroad",
        # WhatsApp as "the green one" with a verb of talking: "hablemos por el verde", "me chama no verdinho",
        # "écris-moi sur le vert" (not "el verde del logo")
        r"\b(?:hablemos|h[aá]blame|escr[ií]beme|escribime|pasemos|sigamos|seguimos|me\sescribes|m[aá]ndame\sun\smensaje)\s"
        r"(?:por|al|en|a)\s(?:el\s)?verde\b(?!\s(?:del|de|oscuro|claro|lima|menta|oliva|agua))"
        r"|\b(?:me\schama|chama|fala\scomigo|falamos|me\smanda\s(?:uma\s)?mensagem|me\sescreve|bora|vamos)\s(?:no|pelo|na)\s"
        r"(?:verde|verdinho)\b(?!\s(?:do|da|escuro|claro))"
        r"|\b(?:[ée]cris[- ]moi|[ée]crivez[- ]moi|on\sse\sparle|parlons|contacte[- ]moi)\s(?:sur|par)\sle\s(?:petit\s)?vert\b"
        r"(?!\s(?:du|de|fonc[ée]|clair))"
        r"|\b(?:scrivimi|sentiamoci|parliamo)\s(?:sul|su|nel)\s(?:verde|verdino)\b(?!\s(?:del|della|scuro|chiaro))",
        "contact.request",
        0.8,
        "asks to move to WhatsApp, named by its colour",
    ),
    Phrase(
        "app-as-verb-misspelled",
        # "whatsup me": the app's name misspelt as the greeting, used as a verb with "me" after it
        r"\b(?:whats?\s?up|wh?ass?up|watsup)\s(?:me|us)\b(?=\s(?:on|at|via|when|later|tonight|tomorrow|there|anytime)\b|"
        r"\s?[,.!]|\s?$)",
        "contact.request",
        0.8,
        "asks to be messaged on WhatsApp, the name used as a verb",
    ),
    Phrase(
        "reach-me-its",
        # "if you need to reach me fast it's 07700", "to reach me directly: +44 …": the first digits of a number
        # (a few fixed words between, not an open stretch: "call me" is common, and every count after it would grow
        # the prefilter's automaton)
        r"\b(?:reach|contact|call|text|get\shold\sof)\s(?:me|us)(?:\s(?:fast|quickly|quicker|directly|asap|urgently|"
        r"anytime|now|today))?,?\s(?:it'?s|it\sis|try|use|on|at|:)\s?\+?\d{3}",
        "contact.request",
        0.75,
        "offers a number to reach the sender at",
    ),
    Phrase(
        "same-number-as",
        # "same number as on my CV", "même numéro que sur mon CV", "el mismo número que en mi web": a pointer
        r"\bsame\s(?:number|e-?mail|phone|whats\s?app|handle)\sas\s(?:on|in)\s(?:my|the)\s(?:cv|resume|site|website|card|profile|"
        r"portfolio|signature|invoice|letterhead)\b"
        r"|\bm[êe]me\s(?:num[ée]ro|mail|adresse|pseudo)\sque\s(?:sur|dans)\s(?:mon|ma)\s(?:cv|site|carte|profil|portfolio|signature)\b"
        r"|\b(?:el\s)?mismo\s(?:n[uú]mero|correo|usuario)\sque\s(?:en|de)\s(?:mi|la)\s(?:cv|web|p[aá]gina|tarjeta|perfil|firma)\b"
        r"|\b(?:o\s)?mesmo\s(?:n[uú]mero|e-?mail|usu[aá]rio)\s(?:que\s(?:est[áa]\s)?|d[oa]\s)(?:no|na|meu|minha)\s?(?:meu\s|minha\s)?"
        r"(?:cv|site|cart[aã]o|perfil|assinatura)\b"
        r"|\b(?:die\s)?gleiche\s(?:nummer|mail|e-?mail)\swie\s(?:auf|in|im)\s(?:meinem|meiner|dem|der)?\s?(?:cv|lebenslauf|website|"
        r"visitenkarte|profil|signatur)\b"
        r"|\b(?:lo\s)?stesso\s(?:numero|indirizzo|nick)\s(?:del|che\s(?:[èe]\s)?(?:sul|nel))\s(?:mio\s)?(?:cv|sito|biglietto|profilo)\b"
        r"|(?:тот\sже|такой\sже)\s(?:номер|ник|почта)\s?,?\s(?:что|как)\s(?:и\s)?(?:в|на)\s(?:мо[её]м|моей)\s(?:резюме|сайте|визитке|профиле)"
        r"|(?:ник|номер)\s(?:тот\sже|такой\sже)\s?,?\s(?:что|как)\s(?:и\s)?(?:здесь|тут)",
        "contact.pointer",
        0.8,
        "points to the sender's own document or handle for the same contact detail",
        soft=False,
    ),
    Phrase(
        "detail-in-picture-abroad",
        # Turkish: "numaram profil fotoğrafımda yazıyor" (my number is written on my profile photo)
        r"\b(?:numaram|telefonum|mailim|e-?postam|iletişim\sbilgilerim)\s(?:\w+\s)?(?:profil\sfotoğraf\w*|profil\sresm\w*|"
        r"biyografim\w*|bio\w*|profilim\w*|cv'?\w*|sitem\w*|kartvizitim\w*)\s?(?:yaz\w*|var|mevcut|bulunuyor|duruyor)?\b",
        "contact.pointer",
        0.8,
        "points to a picture or document of the sender's that shows a contact detail (tr)",
    ),
    Phrase(
        "use-my-detail",
        r"\b(?:use|try|ping|hit)\s(?:my|our)\s(?:personal\s|private\s)?(?:e-?mail|mail|gmail|number|phone|cell|whats\s?app|"
        r"telegram|skype)\b",
        "contact.request",
        0.75,
        "points the other party to the sender's own contact",
    ),
    Phrase(
        "find-me-as",
        # a name to look up follows: an @, a quote, a username with a digit, dot or underscore, or the message's end
        r"\b(?:find|search\sfor|look\sfor|look)\s(?:me|us)\s(?:up\s)?(?:as|under)"
        r"(?=\s?(?:[@\"'‘“]|[a-z][\w.]*[\d_.][\w.]*\b|\W{0,3}$))",
        "contact.pointer",
        0.8,
        "tells the other party which name to look the sender up under",
    ),
    Phrase(
        "youll-find-me",
        r"\b(?:you'?ll|you\swill|you\scan|u\s(?:will|can))\sfind\s(?:me|us)\b(?!\s(?:here|(?:on|in|via|through)\s(?:the\s|this\s)?(?:upwork|fiverr|platform)))",
        "contact.pointer",
        0.7,
        "tells the other party they can find the sender elsewhere",
    ),
    Phrase(
        "on-network-only-one",
        r"\b(?:on|in)\s(?:linkedin|facebook|fb|instagram|ig|insta|twitter|x|tiktok|behance|github)\b[^.!?\n]{0,12}"
        r"(?:i'?m|i\sam)\sthe\sonly\b",
        "contact.pointer",
        0.8,
        "says the sender is easy to find elsewhere",
    ),
    Phrase(
        "network-handle-dm",
        # a social handle, then "DM me there": "I post my edits on tiktok @reelsbyjuno, DM there" (a brand's account in a
        # brief, "tag us on instagram @brand", asks for no message)
        r"\b(?:on|at|via)\s(?:tiktok|instagram|insta|ig|twitter|x|threads|youtube|bluesky|snapchat|snap)\s?:?\s?@[a-z0-9_.]{3,}"
        r"[^.!?\n]*?\b(?:dm|message|text|write|ping|msg|hit\sme\sup)\s?(?:me|us|there|on\sit|me\sthere)\b",
        "contact.pointer",
        0.8,
        "gives a social handle and asks for a message there",
    ),
    Phrase(
        "less-monitored",
        r"\b(?:talk|chat|speak|continue|move)\s(?:\w+\s){0,2}?somewhere\s(?:less\W{0,3}\s?monitored|unmonitored|more\sprivate|"
        r"private|safer|off\sthe\srecord)",
        "contact.request",
        0.8,
        "proposes to continue somewhere the platform cannot see",
    ),
    Phrase(
        "outside-booking",
        r"\b(?:book|schedule|grab|pick)\s(?:a\s(?:call|slot|time|meeting)\s(?:on|via|through|in|from)\s)?(?:my|our)\s"
        r"(?:calendly|cal\.com|booking\s(?:page|link)|calendar(?:\slink)?|scheduling\s(?:page|link))\b|\bmy\scalendly\b",
        "contact.request",
        0.8,
        "invites a booking outside the platform",
    ),
    Phrase(
        "outside-form",
        r"\b(?:put|fill\sin|fill|enter|add|submit|leave|send)\s(?:in\s)?your\s(?:contacts?|contact\s(?:details|info)|details|"
        r"info(?:rmation)?|number|e-?mail|phone)\s(?:in|into|on|via|through)\s(?:this|the|our|my)\s(?:google\s)?"
        r"(?:form|sheet|doc|typeform|survey)",
        "contact.request",
        0.8,
        "asks for contact details through an outside form",
    ),
    Phrase(
        "outside-application",
        r"\bapply\s(?:on|via|through|at|using)\s(?:our|the|my)\s(?:careers?\s(?:portal|page|site)|website|site|ats|"
        r"application\s(?:portal|page|form)|hiring\s(?:portal|page))",
        "contact.request",
        0.8,
        "sends the applicant to an outside application page",
    ),
    Phrase(
        "in-parts",
        r"\b(?:first|1st|second|2nd|last)\s(?:part|bit|half|piece)(?:\sof\s(?:my|the)\s(?:number|phone|cell|mobile|e-?mail|mail|gmail|handle|"
        r"username|contact|whats\s?app|telegram|id))?(?:\s?[:=\-–](?=\s?[\w.@+\-]*[\d@._+])|\s(?:is\s)?(?:below|coming|next|now|here)\b|"
        r"\s(?:in|of)\s(?:this|my)\s(?:message|msg|text)"
        # three digits or more, written or spelled, then the clause ends: "first part is six one seven"
        r"|\s(?:is\s)?(?=(?:(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|nine)[\s,\-]{0,2}){3,}(?:[.!?;,]|$))"
        # a username-like head: "the first bit is lena.ortiz"
        r"|\sis\s(?=[a-z][a-z0-9]*[._][a-z0-9][\w.]*\W{0,3}$))"
        r"|\b(?:rest|remainder|other\shalf)\s(?:is\s)?in\s(?:the\s)?next\s(?:message|msg|text)|"
        r"\bnext\s(?:message|msg)\s(?:has|for)\sthe\srest\b",
        "contact.request",
        0.6,
        "announces a detail sent in parts",
    ),
    Phrase(
        "detail-is-there",
        rf"\bmy\s{_DETAIL_EN}(?:'s|\s(?:is|are|sits|appears))\s(?:on|in|at|inside|under)\s(?:the|my|our|this|that)\s",
        "contact.pointer",
        0.8,
        "says where the sender's contact detail can be found",
    ),
    Phrase(
        "same-username",
        r"\b(?:same\s(?:user\s?name|handle|name|nick)|my\s(?:ig|insta|instagram|twitter|tiktok|fb|"
        r"facebook|linkedin|telegram|discord|skype|gmail|e-?mail(?:\saddress)?|outlook|icloud|proton(?:mail)?)\s"
        r"(?:matches|is\sthe\ssame\sas|=|is\s(?:literally|just|simply|exactly|basically)\s)\s?(?:my\s)?(?:user\s?name|"
        r"name|handle|profile(?:\sname)?)(?:\s(?:on\s)?(?:here|this\s(?:site|platform|app)))?)"
        r"|\bsame\sas\smy\s(?:user\s?name|name|handle)\s(?:here|on\shere|on\sthis\s(?:site|platform|app))\b"
        r"|\b(?:paypal|venmo|cash\s?app|revolut|ig|insta(?:gram)?|telegram|discord|skype|snap(?:chat)?|tiktok|twitter|x)\s(?:is|=)\s"
        r"(?:just\s|also\s|literally\s)?my\s(?:user\s?name|handle|name)\s(?:here|on\shere)\b",
        "contact.pointer",
        0.85,
        "says the same handle works elsewhere",
    ),
    Phrase(
        "qr-code",
        r"\b(?:wechat|whats\s?app|telegram|line|kakao|viber|signal)\s(?:qr|code|qr\scode)\b",
        "contact.pointer",
        0.85,
        "a messaging-app QR code",
    ),
    Phrase(
        "faster-than-here",
        # also the sender's own page or inbox: "my contact form is quicker than this chat" (hung on the noun, not on
        # "the": an open stretch after a word that common keeps the prefilter's automaton growing)
        r"\b(?:something|somewhere|a\sway|an?\s(?:app|channel|place|number|line)|page|form|inbox|e-?mail)\s(?:\w+\s)?"
        r"(?:faster|quicker|easier|"
        r"better|simpler|more\sprivate|more\sreliable)\sthan\s(?:this\s(?:chat|site|app|platform|inbox|thing)|here|"
        r"the\s(?:platform|site|chat|app|inbox))\b",
        "contact.request",
        0.8,
        "offers a channel other than the platform's chat",
    ),
    Phrase(
        "drop-me-a-line",
        r"\b(?:drop|send|shoot)\s(?:me|us)\s(?:a\s)?(?:line|note|message|text|dm|msg)(?:\s(?:at|on|via|to)\b|\s?:(?=\s?\w))"
        r"(?!\s(?:the\s|this\s)?(?:upwork|fiverr|platform)\b)",
        "contact.request",
        0.8,
        "invites contact at an outside address",
    ),
    Phrase(
        "easier-by-channel",
        r"\b(?:easier|faster|quicker|simpler|better)\s(?:to\s(?:talk|chat|discuss|explain|sort|go\sover|speak|do)\s"
        r"(?:it\s|this\s|that\s|things\s)?(?:out\s)?)?(?:by|over|via)\s(?:the\s)?(?:phone|text|sms|e-?mail|whats\s?app|telegram)\b"
        r"|\b(?:talk|speak|chat|discuss\s(?:it|this|details))\s(?:by|over\sthe)\sphone\b",
        "contact.request",
        0.7,
        "proposes to continue on an outside channel",
    ),
    Phrase(
        "thats-my-detail",
        r"\b(?:it'?s|that'?s|this\sis|that\sis|it\sis)\smy\s(?:cell|mobile|number|phone\snumber|direct\sline|"
        r"whats\s?app(?:\snumber)?|e-?mail\saddress|(?:actual|real|personal|private)\s(?:e-?mail(?:\saddress)?|address|"
        r"number|cell|phone(?:\snumber)?))(?:\s(?:btw|lol|ofc|haha|too|by\sthe\sway))?(?=\s?[,.!);:\n]|\s?$|\s\W)",
        "contact.request",
        0.75,
        "says that the detail just given is the sender's own",
    ),
    Phrase(
        "youll-get-my-detail",
        r"\b(?:you'?ll|you\swill|you\scan|u\swill|u\scan|you'?d)\s(?:get|find|see|have|reach)\smy\s(?:\w+'s\s|own\s)?"
        r"(?:direct\s(?:line|number)|(?:personal|private)\s(?:number|e-?mail|cell)|number(?!\sof)|cell|mobile|"
        r"phone(?:\snumber)?|whats\s?app|e-?mail\saddress|contact\s(?:details|info))\b",
        "contact.pointer",
        0.8,
        "tells the other party where they will get the sender's contact detail",
    ),
    Phrase(
        "search-quoted-name",
        r"\b(?:search|google|look\sup)(?:\sfor)?\s['\"‘“][^'\"’”\n]{2,40}['\"’”]\s(?:on|in)\s(?:google\smaps|maps|"
        r"linkedin|instagram|insta|facebook|fb|yelp|tiktok)\b"
        r"|\b(?:search|google|look\sup)(?:\sfor)?\s['\"‘“][^'\"’”\n]{2,40}['\"’”][^.!?\n]{0,12}\b(?:you'?ll|and\syou|"
        r"you\scan)\s(?:find|get|see)\b"
        # the quoted name, then where the detail is: "just google "<studio> Leeds" — the phone number is on the homepage"
        r"|\b(?:search|google|look\sup)(?:\sfor)?\s['\"‘“][^'\"’”\n]+['\"’”][^!?\n]*?\b(?:phone|number|e-?mail|"
        r"contact(?:s|\sdetails|\sinfo|\spage)?|whats\s?app|call\sme|reach\sme|my\scell|my\smobile)\b"
        # German and the other languages put the verb after the name: "„Grafikbüro <Name> Kassel" googeln, da steht alles"; a
        # trade word in the name (a studio, an agency), as a search for docs ("„useEffect cleanup" googeln") names none
        r"|['\"„“‚«][^'\"“”»\n]*?(?:studio|b[üu]ro|buero|agentur|atelier|design|media|pixel|foto|photo|grafik|werkstatt|"
        r"agency|creative|films?|estudio|est[uú]dio|agence|gmbh|ltd|llc)[^'\"“”»\n]*['\"“”‘»]\s(?:googeln|googlen|"
        r"suchen|bei\sgoogle\s\w+|buscar?|busca|pesquisa[r]?|cherche[rz]?|cerca(?:re)?|googlea|googla)\b",
        "contact.pointer",
        0.8,
        "tells the other party to search for the sender by name elsewhere",
    ),
    Phrase(
        "send-to-my-detail",
        r"\b(?:send|forward|share|drop)\s(?:[\w']+\s){0,4}?(?:to|on|via|at)\smy\s(?:personal\s|private\s|own\s|work\s)?"
        r"(?:e-?mail|mail|gmail|inbox|whats\s?app|number|phone|cell|telegram)\b",
        "contact.request",
        0.75,
        "asks for something to be sent to the sender's own contact",
    ),
    Phrase(
        "email-me-something",
        r"\b(?:e-?mail|mail)\s(?:me|us)\s(?:the|your|a|an|it|them|those|these|over)\b"
        r"(?!\s(?:here|(?:on|in|via|through)\s(?:the\s|this\s)?(?:upwork|fiverr|platform)))",
        "contact.request",
        0.7,
        "asks to be sent something by e-mail",
    ),
    Phrase(
        "email-described",
        r"\bmy\s(?:e-?mail|gmail|mail|outlook|hotmail|yahoo|icloud|proton(?:mail)?)(?:\saddress)?(?:\s(?:is|=)|:)\s"
        r"(?:just\s|simply\s|literally\s)?(?:the\s)?(?:same\sas\s)?(?:my\s)?(?:(?:first|last|full|display|profile|sur|family)\s?name|"
        r"user\s?name|handle|name\s(?:on|in|from)\s(?:my|the|this)\s(?:profile|account|site))"
        r"|\b(?:gmail|hotmail|outlook|yahoo|proton(?:mail)?|icloud|e-?mail)\s?[:\-]\s?(?:it'?s\s)?(?:the\s)?same\sas\s(?:my\s)?"
        r"(?:user\s?name|name|handle|profile)"
        r"|\b(?:(?:first|last|full|user|sur)\s?|my\s)name,?\s(?:[a-z]+,?\s)?(?:then|plus|followed\sby|and(?:\sthen)?)\s(?:the\s|an?\s)?"
        r"(?:(?:at|@)\s(?:sign|symbol)|@|at),?\s(?:then\s|and\s)?(?:the\s)?(?:gmail|hotmail|outlook|yahoo|proton|icloud|mail)"
        r"|\b(?:vorname|nachname|nombre|apellido|nome|sobrenome|pr[ée]nom|имя|фамилия)\s(?:punkt|dot|ponto|punto|point|точка|"
        r"arroba|arobase|at|собака)\s(?:vorname|nachname|nombre|apellido|nome|sobrenome|pr[ée]nom|nom|имя|фамилия)",
        "contact.pointer",
        0.8,
        "describes how the sender's e-mail address is made, instead of writing it",
    ),
    Phrase(
        "note-my-number",
        # "write down my number:", "запишите номер:", "apunta mi número" — a number announced, to come
        r"\b(?:write|note|jot|save|take)\sdown\s(?:my|the|this)\s(?:number|cell|mobile|phone(?:\snumber)?)\b|\bsave\smy\s(?:number|cell|mobile)\b"
        r"|\bap[uú]nta(?:te)?\s(?:mi|el)\s(?:n[uú]mero|tel[eé]fono|celular)\b|\banota\s(?:a[ií]\s)?(?:meu|o)\s(?:n[uú]mero|telefone|celular|zap)\b"
        r"|\bnote[sz]?\s(?:mon|le)\s(?:num[ée]ro|portable)\b|\bnotier(?:e|en\ssie)?\s(?:dir\s|sich\s)?(?:meine|die)\s(?:nummer|handynummer)\b"
        r"|\bsegna(?:ti|te)?\s(?:il\smio|il)\snumero\b|\bzapisz\s(?:sobie\s)?(?:mój|moj)\snumer\b"
        r"|запиши(?:те)?\s(?:мой\s)?(?:номер|телефон)",
        "contact.request",
        0.75,
        "announces the sender's number, to be written down",
    ),
    Phrase(
        "provider-described",
        # the provider hinted at, not named: "and the rest is the big G mail service"
        r"\b(?:the\s)?big\sg(?:'s)?\s(?:mail|e-?mail|inbox)(?:\sservice|\sthing|\sone)?\b"
        r"|\bgoogle(?:'s)?\s(?:mail|e-?mail)\s(?:service|thing|one)\b",
        "contact.pointer",
        0.75,
        "hints at an e-mail provider instead of naming it, to give an address in pieces",
    ),
    Phrase(
        "dm-you-there",
        r"\b(?:send(?:ing)?\s(?:you|u)\s(?:a\s)?(?:dm|message|msg|request|follow\srequest)|dm(?:'?ing)?\s(?:you|u)|"
        r"follow(?:ed|ing)?\s(?:you|u)|add(?:ed|ing)?\s(?:you|u))\s(?:over\s)?there\b"
        # "then we can just chat there", after the sender named somewhere to go
        r"|\b(?:we\s(?:can|could|'ll|will)|let'?s)\s(?:just\s|then\s)?(?:chat|talk|continue|message|text|keep\stalking)\s"
        r"(?:over\s)?there\b",
        "contact.request",
        0.75,
        "moves the conversation to the outside account just found",
    ),
    Phrase(
        "on-there-as",
        # "I'm on it as margaux", after an app was named: es, pt, fr, de, it too
        r"\b(?:i'?m|i\sam)\s(?:on\s(?:it|there)|there)\s(?:as|under)\s(?=[@\"'a-z])"
        # the handle first: "I'm @dana.k there", "I'm @kim_r on it"
        r"|\b(?:i'?m|i\sam)\s@[a-z][\w.]{1,30}\s(?:there|on\s(?:it|there))\b"
        r"|\bje\ssuis\s(?:dessus|l[àa]-?dessus)\s(?:en\stant\sque|sous|comme)\b|\bestoy\s(?:ah[ií]|all[ií])\s(?:como|bajo)\b"
        r"|\bestou\sl[áa]\s(?:como|sob)\b|\bich\sbin\s(?:dort|da)\s(?:als|unter)\b|\bci\ssono\s(?:come|con\sil\snome)\b"
        r"|я\sтам\s(?:как|под)\s",
        "contact.pointer",
        0.75,
        "tells the other party the name the sender uses on an outside app",
    ),
    Phrase(
        "handle-with-at",
        # a handle given without its '@', and told to add it: "(with the @ in front)", "(avec l'arobase devant)"
        r"\b(?:with|add)\s(?:an?\s|the\s)?(?:@|at\ssign)\s(?:in\sfront|before\sit|first|at\sthe\sstart)"
        r"|\bavec\sl'arobase\s(?:devant|avant)|\bcon\s(?:la\s)?arroba\s(?:delante|adelante|antes)|\bcom\s(?:a\s)?arroba\s(?:na\sfrente|antes)"
        r"|\bmit\s(?:dem\s)?@\s(?:davor|vorne)|\bcon\s(?:la\s)?chiocciola\sdavanti|с\s(?:собакой|@)\s(?:впереди|в\sначале)",
        "contact.pointer",
        0.75,
        "gives a handle and tells the other party to put the '@' back",
    ),
    Phrase(
        "search-my-name-abroad",
        r"\b(?:procura|pesquisa|busca|cherche[sz]?|such(?:e|t)?|cerca|wyszukaj|szukaj)\s(?:meu|mi|mon|meinen|il\smio|moje)\s"
        r"(?:nome|nombre|nom|namen|imi[eę])\s(?:no|na|en|sur|auf|bei|su|in|w|na)\b|(?:найди|ищи|поищи)\s(?:мо[её]|меня\sпо)\s(?:имя|имени)",
        "contact.pointer",
        0.8,
        "tells the other party to look the sender up by name elsewhere",
    ),
    Phrase(
        "de-phone-call",
        r"\b(?:k[öo]nnen|k[öo]nnten|sollen|wollen|sollten)\s(?:wir|sie|du)\s(?:\w+\s){0,2}?telefonieren\b|\blass\suns\s(?:\w+\s){0,2}?telefonieren\b"
        r"|\bpodemos\s(?:hablar|falar)\spor\stel[eé]fon[eo]\b|\bon\speut\s(?:s'appeler|se\sparler\sau\st[ée]l[ée]phone)\b",
        "contact.request",
        0.75,
        "proposes a phone call (de, es, pt, fr)",
    ),
    Phrase(
        "confirm-address",
        r"\b(?:confirm|verify|double[- ]check|re-?type)\s(?:me\s)?your\s(?:(?:e-?mail|gmail|outlook|hotmail|yahoo|icloud|"
        r"personal\se-?mail|private\se-?mail)(?:\saddress)?\b|address(?=\s?\?))",
        "contact.request",
        0.8,
        "asks the other party to confirm their e-mail address",
    ),
    Phrase(
        "by-phone-abroad",
        r"\b(?:por\stel[eé]fono|por\stelefone|pelo\stelefone|par\st[ée]l[ée]phone|au\st[ée]l[ée]phone|telefonisch)\b|по\sтелефону",
        "contact.request",
        0.7,
        "proposes to continue by phone",
    ),
    Phrase(
        "cv-has-contact",
        r"\b(?:nummer|telefonnummer|handynummer|kontaktdaten)\s(?:steht|stehen|findest\sdu|finden\ssie)\s"
        r"(?:\w+\s)?(?:(?:auf|in)\s(?:meinem|meiner|dem|der)|im)\s(?:lebenslauf|cv|profil|website|webseite|pdf|portfolio)"
        r"|\b(?:n[uú]mero|tel[eé]fono|correo|telefone|contato|contacto|whats\w*|zap)\s(?:est[aá]|aparece|t[aá]|figura|fica)\s"
        r"(?:en\s(?:mi|la)|no(?:\smeu)?|na(?:\sminha)?)\s(?:cv|curr[ií]cul\w*|web|site|portf[oó]lio|perfil|pdf|bio|descri\w*)"
        r"|\b(?:num[ée]ro|t[ée]l[ée]phone|coordonn[ée]es)\s(?:est|sont|figure\w*)\s(?:sur|dans)\s"
        r"(?:mon|ma)\s(?:cv|site|portfolio|profil|pdf)"
        r"|(?:номер|почта|контакты|телефон)\s(?:есть|указан\w*)\s(?:в|на)\s(?:мо[её]м|моей)\s(?:резюме|сайте|портфолио|профиле)",
        "contact.pointer",
        0.8,
        "points to a document or site that shows the sender's contact details",
    ),
    Phrase(
        "search-then-contact",
        r"\b(?:google|search(?:\sfor)?|look\sup)\s['\"‘“][^'\"’”\n]{2,40}['\"’”][^.!?\n]{0,40}?\b(?:contact\s(?:page|form|details|info)|"
        r"my\s(?:cell|number|phone|e-?mail|whats\s?app|direct\sline))",
        "contact.pointer",
        0.8,
        "tells the other party to search for the sender by name and use the contact details found",
    ),
    Phrase(
        "join-workspace",
        r"\b(?:join|hop\sinto|jump\sinto|come\sto)\s(?:my|our)\s(?:community\s|team\s|private\s|own\s)?"
        r"(?:slack|discord|telegram|whats\s?app|signal|teams|viber)\s"
        # "join our community slack at <name>.slack.com"
        r"(?:workspace|server|group|channel|community|chat|at\s[a-z0-9\-]+\.(?:slack|discord)\.com)\b"
        r"|\b(?:[úu]nete|entra|rejoins|tritt)\s(?:a\s|no\s|na\s|à\s)?(?:mi|meu|minha|mon|ma|meinem|meiner)\s(?:grupo|servidor|canal|"
        r"serveur|groupe|server|gruppe|kanal)\s(?:de|do|da|sur|auf|in)?\s?(?:slack|discord|telegram|whats\s?app|signal)"
        r"|(?:вступай|заходи|присоединяйся)\s(?:в|на)\s(?:мою|мой)\s(?:группу|канал|чат|сервер)",
        "contact.request",
        0.8,
        "invites the other party into the sender's own group on an outside app",
    ),
    Phrase(
        "do-you-have-detail",
        r"(?:\b(?:vous\savez|tu\sas|avez-vous|as-tu)\s(?:une?\s)?(?:adresse\s(?:e-?)?mail|e-?mail|mail|"
        r"num[ée]ro(?:\sde\s(?:t[ée]l[ée]phone|portable)|\s(?:whats\s?app|t[ée]l[ée]gram|perso(?:nnel)?|direct))?|whats\s?app|t[ée]l[ée]gram)\b"
        r"|\b(?:tienes|tiene|ten[eé]s|usted\stiene)\s(?:un\s)?(?:correo|e-?mail|mail|whats\s?app|telegram|"
        r"n[uú]mero(?:\sde\s(?:tel[eé]fono|celular|whats\s?app)|\s(?:whats\s?app|personal|privado|directo))?)\b"
        # Polish: "masz może WhatsAppa albo Messengera?"
        r"|\b(?:masz|macie|ma\span|ma\spani)\s(?:może\s|moze\s|jakiś\s|jakis\s|jakiegoś\s)?(?:whats\s?app\w*|messenger\w*|telegram\w*|"
        r"signal\w*|viber\w*|numer(?:\stelefonu)?|maila?|e-?mail)\b"
        r"|\b(?:voc[eê]\stem|vc\stem|tens)\s(?:um\s)?(?:e-?mail|whats\s?app|zap|telegram|n[uú]mero|celular)\b"
        r"|\b(?:haben\ssie|hast\sdu)\s(?:eine\s)?(?:e-?mail(?:-?adresse)?|mailadresse|handynummer|telefonnummer|"
        r"whats\s?app|telegram)\b"
        r"|[уy]\s(?:вас|тебя)\sесть\s(?:почта|e-?mail|имейл|номер|ватсап|whats\s?app|телеграм|telegram))"
        # the detail asked for ends the question or is wanted for something: not "tienes correo de confirmación?"
        r"(?=\s?[?,.!;]|\s?$|\s(?:para|pour|f[üu]r|для|personal|perso|pessoal|privad[oa]|priv[ée]e?|direct\w*|dire[ct]t?\w*|"
        r"albo|lub|czy|ou|o|oder|или|or))",
        "contact.request",
        0.8,
        "asks whether the other party has an outside contact",
    ),
    Phrase(
        "send-by-mail",
        r"\bper\s(?:e-?mail|mail|whats\s?app|sms)\s(?:\w+\s)?(?:schick|send|zukommen|mailen)\w*"
        # open stretches of characters, not counted words: the prefilter reads a long stretch as one loop, where
        # "(?:\w+\s){0,4}" after a word as common as "send" unrolls into many automaton states
        r"|\b(?:envo\w+|transmet\w*)\b[^.!?\n]{0,40}?\bpar\s(?:e-?mail|mail|whats\s?app|sms)\b"
        r"|\b(?:env[ií]a\w*|manda\w*|m[aá]nda\w*)\b[^.!?\n]{0,40}?\bpor\s(?:correo|e-?mail|mail|whats\s?app)\b"
        r"|\b(?:envi[ae]\w*|manda\w*)\b[^.!?\n]{0,40}?\b(?:por|pelo)\s(?:e-?mail|whats\s?app|zap)\b"
        r"|\b(?:send|forward)\s(?:me\s|us\s)?(?:it|them|this|that|(?:the|my|our|all\sthe)\s(?:\w+\s)?\w+)\s"
        r"(?:by|via|over|through)\s(?:e-?mail|whats\s?app|text)\b"
        r"(?!\s(?:here|on\s(?:the\s)?(?:platform|upwork|fiverr)))"
        r"|(?:пришли\w*|отправ\w*|скин\w*)[^.!?\n]{0,40}?(?:на\s(?:почту|e-?mail|имейл)|в\s(?:ватсап|телеграм))",
        "contact.request",
        0.75,
        "asks to have work sent by e-mail or an outside app",
    ),
    Phrase(
        "which-address",
        r"\b(?:which|what)\se-?mail(?:\saddress)?\s?\?|\bwelche\s(?:e-?mail-?|mail)adresse\s?\?"
        r"|\bquelle\s(?:adresse\s(?:e-?)?mail|e-?mail)\s?\?|\b(?:qu[eé]|cu[aá]l)\s(?:correo|e-?mail|direcci[oó]n\sde\scorreo)\s?\?"
        r"|\bqual\s(?:o\s)?(?:e-?mail|endere[cç]o\sde\se-?mail)\s?\?|\bкак(?:ой|ая)\s(?:почта|e-?mail|имейл)\s?\?"
        # a bare "which address?" only as the message's last words, the reply to talk of sending something
        r"|\b(?:which|what|welche|quelle|qu[eé]|cu[aá]l|qual|какой)\s"
        r"(?:address|adresse|direcci[oó]n|endere[cç]o|адрес)\s?\?\W{0,3}$"
        # "which number?" in reply to an offer to talk on an app: "pode ser, qual o número?", "what's the number?"
        r"|\b(?:which|what(?:'s|\sis)?(?:\sthe)?|qual(?:\s[ée])?(?:\so)?|cu[aá]l\ses(?:\sel)?|quel\sest\sle|quel|welche|wie\sist\sdie|"
        r"какой|jaki\sjest|jaki|hangi|qual\s[èe]\sil)\s(?:n[uú]mero|num[ée]ro|number|nummer|номер|numer|numara)\s?\?\W{0,3}$",
        "contact.request",
        0.7,
        "asks which address to send to, in reply to talk of e-mail",
    ),
    Phrase(
        "beat-the-filter",
        r"\b(?:the\s)?(?:filter|system|chat|site|platform|app)\s(?:blocks|hides|removes|censors|masks|eats|"
        r"won'?t\slet\s(?:me|us)\s(?:send|share|type|post)|doesn'?t\slet\s(?:me|us)\s(?:send|share|type|post))\s"
        r"(?:\w+\s)?(?:numbers|digits|emails?|e-?mail\saddresses|phone\snumbers|contacts?|contact\sinfo|details|handles)\b"
        r"|\b(?:el\sfiltro|la\splataforma|o\sfiltro|a\splataforma|le\sfiltre|la\splateforme|der\sfilter|die\splattform)\s"
        r"(?:bloquea|oculta|borra|bloqueia|esconde|apaga|bloque|masque|supprime|blockiert|entfernt|versteckt)\s(?:los\s|os\s|les\s|die\s)?"
        r"(?:n[uú]meros|num[ée]ros|nummern|correos|e-?mails|contactos|contatos|contacts|kontaktdaten)\b"
        r"|(?:фильтр|площадка|сайт)\s(?:блокирует|скрывает|удаляет|режет)\s(?:номера|цифры|почту|контакты)",
        "contact.request",
        0.75,
        "talks of getting a contact detail past the platform's filter",
    ),
    Phrase(
        "app-invite",
        r"\b(?:send|sending|shoot)\s(?:you|u)\s(?:an?\s)?(?:slack|discord|telegram|whats\s?app|signal)\s(?:invite|invitation|link)"
        r"|\binvite\s(?:you|u)\s(?:to|into)\s(?:my|our)\s(?:slack|discord|telegram|whats\s?app|signal)\b"
        r"|\b(?:te|le)\s(?:mando|env[ií]o|envio)\s(?:una?\s)?(?:invitaci[oó]n|convite|link)\s(?:a|de|para\so|para\sa|do|da|al)\s"
        r"(?:mi\s|meu\s|nuestro\s)?(?:slack|discord|telegram|whats\s?app|signal)\b"
        r"|\b(?:je\s(?:t'|vous\s)envoie)\s(?:une\s)?invitation\s(?:sur|à|a|pour)\s(?:notre\s|mon\s)?"
        r"(?:slack|discord|telegram|whats\s?app|signal)\b"
        r"|\b(?:ich\s)?(?:schicke|sende)\s(?:dir|ihnen)\s(?:eine\s)?(?:slack|discord|telegram|whats\s?app|signal)-?einladung"
        r"|(?:скину|отправлю|пришлю)\s(?:тебе\s|вам\s)?(?:приглашение|инвайт|ссылку)\s(?:в|на)\s(?:slack|discord|telegram|"
        r"whats\s?app|signal|телеграм|ватсап|дискорд|слак)",
        "contact.request",
        0.8,
        "invites the other party into the sender's own workspace on an outside app",
    ),
    Phrase(
        "scan-my-code",
        # a personal code to scan is a messenger's add-me code (WeChat, LINE, WhatsApp) or a payment code
        r"\b(?:scan|escanea|escaneie|scanne[zr]?|scann(?:e|en)|скани\w*)\s(?:my|mi|meu|mon|meinen|мой)\s(?:qr\s?)?"
        r"(?:code|c[oó]digo|qr|код)\b",
        "contact.request",
        0.7,
        "asks the other party to scan the sender's own code, an outside app's way to add a contact",
    ),
    Phrase(
        "detail-starts",
        r"\bmy\s(?:number|phone(?:\snumber)?|cell|mobile|whats\s?app|e-?mail)\s(?:starts|begins)(?:\swith)?(?=\s\+?\w)"
        r"|\b(?:mi\s(?:n[uú]mero|tel[eé]fono|celular)\s(?:empieza|comienza)\s(?:por|con)|meu\s(?:n[uú]mero|telefone|celular|zap)\s"
        r"come[cç]a\s(?:com|por)|mon\s(?:num[ée]ro|portable)\scommence\spar|meine\s(?:nummer|handynummer)\s(?:beginnt|f[äa]ngt)\s"
        r"mit|мой\sномер\sначинается\sс)\b",
        "contact.request",
        0.75,
        "starts giving a contact detail in parts",
    ),
    Phrase(
        "im-name-on-provider",
        # "I'm ninabuilds on gmail, drop me a line there": a user name and its provider, the address left to be put together
        r"\b(?:i'?m|i\sam|find\sme\sas|look\sme\sup\sas)\s(?!(?:also|not|only|always|never|active|available|usually|mostly|rarely|"
        r"back|still|on|at|in|the|a|an|more|less|online|offline|reachable|there|here|fine|ok|good|happy|free|busy)\b)"
        r"[a-z][\w.\-]+\s(?:on|at|@)\s(?:gmail|yahoo|hotmail|outlook|proton(?:mail)?|icloud|yandex)\b",
        "contact.request",
        0.8,
        "gives a user name and its e-mail provider",
    ),
    # es, pt, fr, de, ru: `request_europe`
    *request_europe.PHRASES,
    # it, pl, tr, id, tl, hi-en, ar: built from the word tables of `request_langs`
    *request_langs.phrases(),
    *request_langs_more.phrases(),  # nl, vi, uk, ro, Devanagari Hindi, Arabizi; more it/tr/tl
    *request_asia.phrases(),  # ja, zh, ko, th, bn, ur, fa, sw, ms; more Devanagari Hindi, romanised Urdu
)


class ContactRequestDetector(PhraseDetector):
    info = DetectorInfo(
        id="contact.request",
        family="contact",
        kinds=("contact.request", "contact.pointer"),
        version="1.0.0",
        description="Requests and offers of contact details, and pointers to where they can be found, in six languages.",
    )
    phrases = PHRASES
