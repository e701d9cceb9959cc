"""Contact requests in Spanish, Portuguese, French, German and Russian: asking for a detail, offering one,
"write/call me", and "outside the platform" (which leaves money talk to the payment family).

Split from `request.py` along its language seam; `request.PHRASES` takes these in the same place of its table, so
the prefilter and the findings are as before. Soft, like the English phrases: negation and on-platform talk cancel them.
"""

from __future__ import annotations

from marketguard.core.detectors.pattern import Phrase

_DETAIL_ES = (
    r"(?:n[uú]mero|tel[eé]fono|celular|m[oó]vil|correo(?:\selectr[oó]nico)?|e-?mail|mail|whats(?:app)?|contacto|telegram)"
)
_DETAIL_PT = r"(?:n[uú]mero|telefone|celular|zap|whats(?:app)?|e-?mail|contato|telegram)"
_DETAIL_FR = r"(?:num[ée]ro(?:\sde\st[ée]l[ée]phone)?|t[ée]l[ée]phone|portable|e-?mail|mail|courriel|adresse\s(?:e-?)?mail|coordonn[ée]es|whats(?:app)?)"
_DETAIL_DE = r"(?:nummer|telefonnummer|handynummer|handy|e-?mail(?:-?adresse)?|mailadresse|kontaktdaten|whats(?:app)?)"
_DETAIL_RU = r"(?:номер(?:\sтелефона)?|телефон|почт[ау]|e-?mail|имейл|мыло|контакты?|ватсап|телеграм|тг)"

PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "es-ask",
        rf"\b(?:p[aá]same|dame|env[ií]ame|m[aá]ndame|comp[aá]rteme|cu[aá]l\ses|me\spas(?:as|a|[aá]s)|me\sdas|"
        rf"me\sdejas|me\scompartes|me\sdar[ií]as|me\senv[ií]as|"
        rf"(?:me\s)?(?:puedes|podr[ií]as|puede|podr[ií]a|pod[eé]s)\s(?:me\s)?(?:pasar|dar|enviar|mandar|compartir)(?:me)?)"
        # "pásame tu número", and the bare article: "pásame el mail y listo" (not "dame el número de pedido")
        rf"\s(?:(?:tu|su)\s{_DETAIL_ES}\b(?!\sde\s(?:pedido|orden|factura|seguimiento|cuenta|serie|referencia|cliente|"
        r"ticket|env[ií]o|socio|la\s(?:factura|orden|tarjeta|empresa|tienda|oficina)|soporte|atenci[oó]n))"
        # with the bare article the detail is the other party's only when nothing else owns it ("el mail del cliente")
        rf"|(?:el|la)\s{_DETAIL_ES}\b(?!\s(?:de|del|de\sla|de\slos)\b))",
        "contact.request",
        0.85,
        "asks for a contact detail (es)",
    ),
    Phrase(
        "es-mine",
        rf"\b(?:mi|te\spaso\smi|aqu[ií]\s(?:est[aá]|va)\smi)\s{_DETAIL_ES}\b"
        # not an order's or an invoice's number: "mi número de pedido está en la factura"
        r"(?!\sde\s(?:pedido|orden|factura|seguimiento|cuenta|serie|referencia|cliente|ticket|env[ií]o|socio))",
        "contact.request",
        0.75,
        "offers a contact detail (es)",
    ),
    Phrase(
        "es-write",
        r"\b(?:escr[ií]beme|ll[aá]mame|cont[aá]ctame|h[aá]blame|m[aá]ndame\sun\s(?:mensaje|correo|whats)|"
        r"(?:llamarme|escribirme|contactarme|agregarme|a[nñ]adirme)|me\s(?:puedes|podr[ií]as|puede|podr[ií]a|pod[eé]s)\s"
        r"(?:llamar|escribir|contactar|agregar|a[nñ]adir))\b(?!\s(?:aqu[ií]|por\s(?:aqu[ií]|el\schat|la\splataforma)))",
        "contact.request",
        0.75,
        "asks to be contacted (es)",
    ),
    Phrase(
        "es-outside",
        r"\b(?:fuera\sde\s(?:la\s)?(?:plataforma|p[aá]gina|app)|(?<!pag\w\s)(?<!pag\w\w\s)(?<!pag\w\w\w\s)(?<!pag\w\w\w\w\s)"
        r"(?<!cobr\w\s)(?<!cobr\w\w\s)(?<!cobr\w\w\w\s)por\sfuera)\b"
        # leaving to save the fee is about the payment, which the payment family reads: "fuera de la plataforma, así
        # no pagamos la comisión"
        r"(?![^.!?\n]{0,50}?\b(?:comisi[oó]n|tarifa|pag(?:ar|amos|o|as|ues)\b))",
        "contact.request",
        0.8,
        "proposes to continue off the platform (es)",
    ),
    Phrase(
        "pt-ask",
        rf"\b(?:me\spassa|passa|me\smanda|manda|me\sd[aá]|qual\s(?:[eé]\s)?o|"
        rf"(?:pode|poderia|podes|consegue)\s(?:me\s)?(?:passar|dar|mandar|enviar))\s(?:o\s|a\s)?(?:seu|sua|teu|tua)\s{_DETAIL_PT}\b"
        # the bare article: "me passa o email que eu mando o pix" (not "o número do pedido")
        rf"|\b(?:me\spassa|me\smanda|me\sd[aá])\so\s(?:e-?mail|zap|whats(?:app)?|celular|telefone|n[uú]mero)\b"
        r"(?!\sd[oa]\s(?:pedido|nota|boleto|cart[aã]o|empresa|loja|suporte|protocolo))",
        "contact.request",
        0.85,
        "asks for a contact detail (pt)",
    ),
    Phrase("pt-mine", rf"\b(?:meu|minha)\s{_DETAIL_PT}\b", "contact.request", 0.75, "offers a contact detail (pt)"),
    Phrase(
        "pt-write",
        r"\b(?:me\sliga|me\schama|me\smanda\s(?:uma\s)?mensagem|me\sescreve|liga\spra\smim|"
        r"me\sadiciona|(?:pode|poderia|podes|consegue)\sme\s(?:ligar|chamar|escrever|adicionar)|me\sligar)\b"
        r"(?!\s(?:aqui|por\saqui|pela\splataforma|no\schat))",
        "contact.request",
        0.75,
        "asks to be contacted (pt)",
    ),
    Phrase(
        "pt-outside",
        r"\bfora\sd[ae]\s(?:plataforma|site|app)\b(?![^.!?\n]{0,50}?\b(?:taxa|comiss[aã]o|pag(?:ar|amos|o|a)\b))",
        "contact.request",
        0.8,
        "proposes to continue off the platform (pt)",
    ),
    Phrase(
        "fr-ask",
        rf"\b(?:donne[- ]moi|envoie[- ]moi|donnez[- ]moi|envoyez[- ]moi|quel\sest|"
        rf"(?:tu\speux|peux-tu|pourrais-tu|vous\spouvez|pouvez-vous|pourriez-vous)\s(?:me\s|m')?(?:donner|envoyer|passer|laisser))"
        rf"\s(?:ton|ta|votre|tes|vos)\s{_DETAIL_FR}\b",
        "contact.request",
        0.85,
        "asks for a contact detail (fr)",
    ),
    Phrase(
        "fr-mine",
        rf"\b(?:mon|ma|mes|voici\smon)\s{_DETAIL_FR}\b",
        "contact.request",
        0.75,
        "offers a contact detail (fr)",
    ),
    Phrase(
        "fr-write",
        r"\b(?:[ée]cris[- ]moi|[ée]crivez[- ]moi|appelle[- ]moi|appelez[- ]moi|contacte[- ]moi|"
        r"contactez[- ]moi|envoie[- ]moi\sun\s(?:message|mail|sms)|"
        r"(?:m'|me\s|nous\s)(?:[ée]crire|contacter|appeler|joindre|ajouter)\s(?:sur|par|via)\b(?!\s(?:ici|la\splateforme|le\schat)\b))\b",
        "contact.request",
        0.75,
        "asks to be contacted (fr)",
    ),
    Phrase(
        "fr-outside",
        r"\ben\sdehors\sde\s(?:la\s)?(?:plateforme|site|appli)\b(?![^.!?\n]{0,50}?\b(?:frais|commission|pa(?:yer|yons|ie)\b))",
        "contact.request",
        0.8,
        "proposes to continue off the platform (fr)",
    ),
    Phrase(
        "de-ask",
        rf"\b(?:gib\smir|schick\smir|sende\smir|geben\ssie\smir|wie\sist|was\sist|hast\sdu|"
        # a modal question: "kannst du mir deine Nummer geben?"
        rf"(?:kannst|k[öo]nntest|w[üu]rdest)\sdu\s(?:mir|uns)|(?:k[öo]nnen|k[öo]nnten|w[üu]rden)\ssie\s(?:mir|uns))\s(?:mal\s|doch\s|"
        rf"bitte\s|kurz\s)?(?:deine|ihre|dein|ihr|eine)\s{_DETAIL_DE}\b",
        "contact.request",
        0.85,
        "asks for a contact detail (de)",
    ),
    Phrase(
        "de-mine",
        rf"\b(?:meine|mein|hier\sist\smeine)\s{_DETAIL_DE}\b",
        "contact.request",
        0.75,
        "offers a contact detail (de)",
    ),
    Phrase(
        "de-write",
        r"\b(?:schreib(?:en\ssie)?\smir|ruf(?:en\ssie)?\smich\san|melde\sdich|melden\ssie\ssich|"
        r"kontaktier(?:e|en\ssie)?\smich)\b",
        "contact.request",
        0.75,
        "asks to be contacted (de)",
    ),
    Phrase(
        "de-outside",
        r"\bau(?:ß|ss)erhalb\sde[rs]\s(?:plattform|seite|app)\b(?![^.!?\n]{0,50}?(?:geb[üu]hr|provision|zahl))",
        "contact.request",
        0.8,
        "proposes to continue off the platform (de)",
    ),
    Phrase(
        "ru-ask",
        rf"(?:дай(?:те)?|скинь(?:те)?|пришли(?:те)?|отправь(?:те)?|оставь(?:те)?|какой\sу\s(?:тебя|вас)|"
        rf"(?:можешь|можете|могли\sбы)\s(?:мне\s)?(?:дать|скинуть|прислать|отправить|оставить))\s"
        rf"(?:мне\s)?(?:свой\s|ваш\s|твой\s|свою\s|вашу\s|твою\s)?(?:личн\w+\s|рабоч\w+\s|друг\w+\s|прям\w+\s)?{_DETAIL_RU}",
        "contact.request",
        0.85,
        "asks for a contact detail (ru)",
    ),
    Phrase(
        "ru-mine",
        rf"(?:мой|моя|мою|вот\sмой|вот\sмоя)\s{_DETAIL_RU}",
        "contact.request",
        0.75,
        "offers a contact detail (ru)",
    ),
    Phrase(
        "ru-find-me",
        r"(?:найди(?:те)?|ищи(?:те)?|добавь(?:те)?)\sменя\s(?:в|во|на)\s",
        "contact.pointer",
        0.8,
        "tells the other party where to find the sender (ru)",
    ),
    Phrase(
        "ru-write",
        r"(?:напиши(?:те)?\sмне|позвони(?:те)?\sмне|звони(?:те)?|свяжись\sсо\sмной|свяжитесь\sсо\sмной|"
        r"пиши(?:те)?\sв\s(?:личку|лс)|пиши(?:те)?\sмне\s(?:на|в)\s(?:почту|мейл|e-?mail|имейл|ватсап|вотсап|телеграм|вайбер|личку))",
        "contact.request",
        0.75,
        "asks to be contacted (ru)",
    ),
    Phrase(
        "ru-outside",
        r"(?:вне|за\sпределами)\s(?:платформы|площадки|сайта|биржи)(?![^.!?\n]{0,50}?(?:комисси|плат|опла))",
        "contact.request",
        0.8,
        "proposes to continue off the platform (ru)",
    ),
)
