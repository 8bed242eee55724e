<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Kazakh named-entity corpus the entity recogniser is trained on</source>
        <translation>Атаулы нысандарды тану моделі үйретілген қазақ тіліндегі корпус</translation>
    </message>
    <message>
        <source>Kazakh treebank with gold lemmas, used to check the lemmatiser</source>
        <translation>Лемматизаторды тексеруге қолданылатын, эталон леммалары бар қазақ тілінің синтаксистік корпусы</translation>
    </message>
    <message>
        <source>Font embedded in exported PDF files</source>
        <translation>Экспортталған PDF файлдарына енгізілетін қаріп</translation>
    </message>
    <message>
        <source>User interface toolkit and its Python bindings</source>
        <translation>Пайдаланушы интерфейсінің құралдар жинағы және оның Python байланыстары</translation>
    </message>
    <message>
        <source>Russian named-entity recognition and its models</source>
        <translation>Орыс тіліндегі атаулы нысандарды тану және оның модельдері</translation>
    </message>
    <message>
        <source>Russian morphology (dictionaries from OpenCorpora)</source>
        <translation>Орыс тілінің морфологиясы (OpenCorpora сөздіктері)</translation>
    </message>
    <message>
        <source>Conditional random fields for the Kazakh entity recogniser</source>
        <translation>Қазақша атаулы нысандарды тану үшін шартты кездейсоқ өрістер (CRF)</translation>
    </message>
    <message>
        <source>Reading and writing DOCX files</source>
        <translation>DOCX файлдарын оқу және жазу</translation>
    </message>
    <message>
        <source>Reading PDF files and adding highlight annotations</source>
        <translation>PDF файлдарын оқу және оларға ерекшелеу белгілерін қосу</translation>
    </message>
    <message>
        <source>Reading XML, HTML, FB2, EPUB and ODT</source>
        <translation>XML, HTML, FB2, EPUB және ODT файлдарын оқу</translation>
    </message>
    <message>
        <source>Encoding detection, user folders, numerical arrays</source>
        <translation>Кодтауды анықтау, пайдаланушы қалталары, сандық массивтер</translation>
    </message>
    <message>
        <source>The language Oqyrman is written in, with its standard library</source>
        <translation>Oqyrman жазылған бағдарламалау тілі және оның стандартты кітапханасы</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>орнатылмаған</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Жүйе</translation>
    </message>
    <message>
        <source>Oqyrman is free software under the GNU General Public License, version 3 or later. It ships with these components, data sets and fonts:</source>
        <translation>Oqyrman — GNU General Public License лицензиясының 3-нұсқасы немесе одан кейінгі нұсқасы бойынша таратылатын еркін бағдарлама. Оның құрамында мына құрамдас бөліктер, деректер жиындары мен қаріптер бар:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Құрамдас бөлік</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>About Oqyrman</source>
        <translation>Oqyrman туралы</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Бағдарлама туралы</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Нұсқалар</translation>
    </message>
    <message>
        <source>Licences and credits</source>
        <translation>Лицензиялар және алғыс</translation>
    </message>
    <message>
        <source>A reader for Kazakh, Russian and English documents: search that understands Kazakh word forms, named entities, highlights and notes, annotated PDF and DOCX export.</source>
        <translation>Қазақ, орыс және ағылшын тілдеріндегі құжаттарды оқуға арналған бағдарлама: қазақ сөзінің тұлғаларын танитын іздеу, атаулы нысандар, ерекшелеулер мен ескертпелер, белгілері бар PDF және DOCX экспорты.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License v3 or later.</source>
        <translation>GNU General Public License 3-нұсқасы немесе одан кейінгі нұсқасы бойынша таратылатын еркін бағдарлама.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Нұсқа</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Нұсқаларды &amp;көшіру</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <source>Select some text to highlight</source>
        <translation>Ерекшелеу үшін мәтінді таңдаңыз</translation>
    </message>
    <message>
        <source>Change highlight colour</source>
        <translation>Ерекшелеу түсін өзгерту</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Ерекшелеу</translation>
    </message>
    <message>
        <source>Select some text or a highlight to add a note</source>
        <translation>Ескертпе қосу үшін мәтінді немесе ерекшеленген жерді таңдаңыз</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Ескертпені түзету</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Ескертпе қосу</translation>
    </message>
    <message>
        <source>There is no annotation here to delete</source>
        <translation>Бұл жерде өшіретін белгі жоқ</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Белгіні өшіру</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>Highlight %1</source>
        <translation>%1 түспен ерекшелеу</translation>
    </message>
    <message>
        <source>Add or Edit &amp;Note…</source>
        <translation>&amp;Ескертпе қосу не түзету…</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>Белгіні &amp;өшіру</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Қайталау</translation>
    </message>
    <message>
        <source>&amp;Import Annotations…</source>
        <translation>Белгілерді &amp;импорттау…</translation>
    </message>
    <message>
        <source>&amp;Export Annotations…</source>
        <translation>Белгілерді э&amp;кспорттау…</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Белгілеу</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Белгілеу</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Белгілерді импорттау</translation>
    </message>
    <message>
        <source>Web Annotations (*.json)</source>
        <translation>Web Annotation белгілері (*.json)</translation>
    </message>
    <message>
        <source>Cannot import annotations</source>
        <translation>Белгілерді импорттау мүмкін емес</translation>
    </message>
    <message>
        <source>%1 annotations imported.</source>
        <translation>%1 белгі импортталды.</translation>
    </message>
    <message>
        <source>%1 could not be found in this text and are listed as orphaned.</source>
        <translation>%1 белгінің орны бұл мәтіннен табылмады, олар «Орны табылмағандар» тізімінде.</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Белгілерді экспорттау</translation>
    </message>
    <message>
        <source>Cannot export annotations</source>
        <translation>Белгілерді экспорттау мүмкін емес</translation>
    </message>
    <message>
        <source>Annotations saved to %1</source>
        <translation>Белгілер %1 файлына сақталды</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Yellow</source>
        <translation>Сары</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Жасыл</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Көк</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Қызғылт</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Қызғылт сары</translation>
    </message>
    <message>
        <source>Show highlights of colour</source>
        <translation>Көрсетілетін ерекшелеу түсі</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Барлық түстер</translation>
    </message>
    <message>
        <source>Filter annotations by text or note</source>
        <translation>Белгілерді мәтіні не ескертпесі бойынша сүзу</translation>
    </message>
    <message>
        <source>Filter by text or note</source>
        <translation>Мәтін немесе ескертпе бойынша сүзу</translation>
    </message>
    <message>
        <source>Annotations of this document</source>
        <translation>Осы құжаттың белгілері</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Orphaned: their text is no longer in the document</source>
        <translation>Орны табылмағандар: олардың мәтіні құжатта енді жоқ</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n белгі</numerusform>
            <numerusform>%n белгі</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2 белгінің %1 көрсетілген</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>Ескертпені түзету…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Өшіру</translation>
    </message>
</context>
<context>
    <name>DialogActions</name>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Ба&amp;птаулар…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Пернетақта тіркесімдері</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>Document text</source>
        <translation>Құжат мәтіні</translation>
    </message>
</context>
<context>
    <name>EntityClass</name>
    <message>
        <source>Saying</source>
        <extracomment>Each class as people read it, in English: the interface translates these (context &quot;EntityClass&quot;), and the index at the end of an exported copy uses them (the JSON keeps the codes as ``label``).</extracomment>
        <translation>Мақал-мәтел</translation>
    </message>
    <message>
        <source>Work of art</source>
        <translation>Өнер туындысы</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Сан</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күн-ай</translation>
    </message>
    <message>
        <source>Disease</source>
        <translation>Ауру</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Building or facility</source>
        <translation>Ғимарат не нысан</translation>
    </message>
    <message>
        <source>Country or settlement</source>
        <translation>Ел не елді мекен</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Заң</translation>
    </message>
    <message>
        <source>Geographic place</source>
        <translation>Географиялық орын</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Басқа атау</translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation>Ақша сомасы</translation>
    </message>
    <message>
        <source>Animal or other being</source>
        <translation>Жануар не басқа тіршілік иесі</translation>
    </message>
    <message>
        <source>Nationality or group</source>
        <translation>Ұлт не топ</translation>
    </message>
    <message>
        <source>Ordinal number</source>
        <translation>Реттік сан</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Ұйым</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Пайыз</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Position or title</source>
        <translation>Лауазым не атақ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Өнім</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Жоба</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Шама</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
</context>
<context>
    <name>EntityGroup</name>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Ұйымдар</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Орындар</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күн-айлар</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Басқалар</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Сандар</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cancel entity recognition</source>
        <translation>Атауларды тануды тоқтату</translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation>Атауларды сүзу</translation>
    </message>
    <message>
        <source>By frequency</source>
        <translation>Жиілігі бойынша</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Аты бойынша</translation>
    </message>
    <message>
        <source>Sort entries</source>
        <translation>Жазбаларды сұрыптау</translation>
    </message>
    <message>
        <source>Highlight %1 in the text</source>
        <translation>Мәтіндегі «%1» тобын ерекшелеу</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Атын өзгерту…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Class…</source>
        <translation>Түрі…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Add Selection…</source>
        <translation>Таңдалғанды қосу…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Recognise Again</source>
        <translation>Қайта тану</translation>
    </message>
    <message>
        <source>Undo the last correction</source>
        <translation>Соңғы түзетуді болдырмау</translation>
    </message>
    <message>
        <source>Merge the selected entries into the first</source>
        <translation>Таңдалған жазбаларды біріншісіне біріктіру</translation>
    </message>
    <message>
        <source>Add the text selected in the document</source>
        <translation>Құжатта таңдалған мәтінді қосу</translation>
    </message>
    <message>
        <source>Split Off as Own Entry</source>
        <translation>Жеке жазба ретінде бөліп алу</translation>
    </message>
    <message>
        <source>Recognition progress</source>
        <translation>Тану барысы</translation>
    </message>
    <message>
        <source>Not an Entity</source>
        <translation>Атау емес</translation>
    </message>
    <message>
        <source>Run the recogniser again; your corrections are kept</source>
        <translation>Атауларды қайта тану; сіздің түзетулеріңіз сақталады</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Тағы</translation>
    </message>
    <message>
        <source>More entity commands</source>
        <translation>Атаулардың басқа командалары</translation>
    </message>
    <message>
        <source>Entities by class</source>
        <translation>Түрлері бойынша атаулар</translation>
    </message>
    <message>
        <source>Mentions of the selected entry</source>
        <translation>Таңдалған жазбаның аталған жерлері</translation>
    </message>
    <message>
        <source>Entity recognition failed: %1</source>
        <translation>Атауларды тану сәтсіз аяқталды: %1</translation>
    </message>
    <message>
        <source>Entity recognition was cancelled.</source>
        <translation>Атауларды тану тоқтатылды.</translation>
    </message>
    <message>
        <source>No document.</source>
        <translation>Құжат жоқ.</translation>
    </message>
    <message>
        <source>Recognising entities…</source>
        <translation>Атаулар танылуда…</translation>
    </message>
    <message>
        <source>Entities not recognised.</source>
        <translation>Атаулар әлі танылмаған.</translation>
    </message>
    <message>
        <source>%1 entities, %2 mentions</source>
        <translation>%1 атау, %2 рет аталған</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Entities</source>
        <translation>Атауларды экспорттау</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>Орны: %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… және тағы %1</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Merge Entries</source>
        <translation>Жазбаларды біріктіру</translation>
    </message>
    <message>
        <source>Title of the merged entry:</source>
        <translation>Біріктірілген жазбаның атауы:</translation>
    </message>
    <message>
        <source>Rename Entity</source>
        <translation>Атаудың атын өзгерту</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Аты:</translation>
    </message>
    <message>
        <source>Change Class</source>
        <translation>Түрін өзгерту</translation>
    </message>
    <message>
        <source>Select some text in the document first.</source>
        <translation>Алдымен құжаттан мәтін таңдаңыз.</translation>
    </message>
    <message>
        <source>Add as Entity</source>
        <translation>Атау ретінде қосу</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Атаулар</translation>
    </message>
    <message>
        <source>Export &amp;Entities…</source>
        <translation>Атауларды &amp;экспорттау…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Аталу саны</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Орындары</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n рет аталған</numerusform>
            <numerusform>%n рет аталған</numerusform>
        </translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>%1-бет</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>%1-беттер</translation>
    </message>
    <message>
        <source>Index of entities</source>
        <translation>Атаулар көрсеткіші</translation>
    </message>
    <message>
        <source>E&amp;xport Annotated Copy…</source>
        <translation>Белгілері бар &amp;көшірмені экспорттау…</translation>
    </message>
    <message>
        <source>Save a PDF or Word copy with your highlights and notes</source>
        <translation>Ерекшелеулері мен ескертпелері бар PDF не Word көшірмесін сақтау</translation>
    </message>
    <message>
        <source>Add &amp;Index of Entities to Copies</source>
        <translation>Көшірмелерге атаулар к&amp;өрсеткішін қосу</translation>
    </message>
    <message>
        <source>End exported copies with the entities of the document and their pages</source>
        <translation>Экспортталған көшірменің соңына құжаттағы атаулар мен олардың беттері жазылады</translation>
    </message>
    <message>
        <source>Include &amp;Dates in the Index</source>
        <translation>Көрсеткішке күндерді &amp;қосу</translation>
    </message>
    <message>
        <source>List the document&apos;s dates and times in the index too, after the names</source>
        <translation>Көрсеткіште атаулардан кейін құжаттағы күндер мен уақыттарды да тізімдеу</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF құжаты (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word құжаты (*.docx)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>OpenDocument мәтіні (*.odt)</translation>
    </message>
    <message>
        <source>Export Annotated Copy</source>
        <translation>Белгілері бар көшірмені экспорттау</translation>
    </message>
    <message>
        <source>the copy is typeset anew from the text: the original&apos;s layout is not kept</source>
        <translation>көшірме мәтіннен жаңадан беттелді: түпнұсқаның пішімі сақталмайды</translation>
    </message>
    <message>
        <source>Choose another name: this would replace the document itself</source>
        <translation>Басқа атау таңдаңыз: бұлай құжаттың өзі ауыстырылып кетеді</translation>
    </message>
    <message>
        <source>Entities are still being recognised: the copy has no index</source>
        <translation>Атаулар әлі танылып жатыр: көшірмеде көрсеткіш болмайды</translation>
    </message>
    <message>
        <source>Exporting “%1”…</source>
        <translation>«%1» экспортталуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортталды: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n orphaned annotation(s) left out: they no longer match the text)</source>
        <translation>
            <numerusform>(орны табылмаған %n белгі көшірмеге кірмеді: олар мәтінге енді сәйкес келмейді)</numerusform>
            <numerusform>(орны табылмаған %n белгі көшірмеге кірмеді: олар мәтінге енді сәйкес келмейді)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written</source>
        <translation>Экспорт тоқтатылды; %1 жазылмады</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт сәтсіз аяқталды</translation>
    </message>
</context>
<context>
    <name>GlobalSearchPanel</name>
    <message>
        <source>Find in all open documents</source>
        <translation>Барлық ашық құжаттардан іздеу</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Іздеу тәсілі</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Регистрді ескеру</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Тұтас сөз</translation>
    </message>
    <message>
        <source>Matches in all documents</source>
        <translation>Барлық құжаттардағы сәйкестіктер</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Сәйкестік</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Жол</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ізделуде…</translation>
    </message>
    <message>
        <source>%1 matches in %2 documents</source>
        <translation>%2 құжатта %1 сәйкестік</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Сәйкестік жоқ</translation>
    </message>
</context>
<context>
    <name>LoadingWidget</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 ашылуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Oqyrman</source>
        <extracomment>View &gt; Reopen with Encoding: the code pages a Kazakh or Russian text may come in, and a few others (Python codec name, what the menu says).</extracomment>
        <translation>Oqyrman</translation>
    </message>
    <message>
        <source>Search all documents</source>
        <translation>Барлық құжаттардан іздеу</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Түзету</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Көрініс</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ашу…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Соң&amp;ғы ашылғандар</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Қойындыны &amp;жабу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Іздеу…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Келесісін табу</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Алдыңғысын табу</translation>
    </message>
    <message>
        <source>Find in &amp;All Documents…</source>
        <translation>Барлық құжаттардан і&amp;здеу…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Үлкейту</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>К&amp;ішірейту</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Бастапқы өлшем</translation>
    </message>
    <message>
        <source>&amp;Latin Script</source>
        <translation>&amp;Латын әліпбиі</translation>
    </message>
    <message>
        <source>Show Kazakh text in the 2021 Latin alphabet</source>
        <translation>Қазақ мәтінін 2021 жылғы латын әліпбиімен көрсету</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding</source>
        <translation>Басқа &amp;кодталумен ашу</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>Келесі &amp;қойынды</translation>
    </message>
    <message>
        <source>Previous T&amp;ab</source>
        <translation>Алдыңғы қ&amp;ойынды</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панельдер</translation>
    </message>
    <message>
        <source>&amp;About Oqyrman</source>
        <translation>Oqyrman &amp;туралы</translation>
    </message>
    <message>
        <source>Warnings about this document</source>
        <translation>Осы құжат туралы ескертулер</translation>
    </message>
    <message>
        <source>Recognising %1 scanned pages…</source>
        <translation>Сканерленген %1 бет танылуда…</translation>
    </message>
    <message>
        <source>Recognising scanned pages: %1 of %2</source>
        <translation>Сканерленген беттер танылуда: %2 беттің %1</translation>
    </message>
    <message>
        <source>Scanned pages recognised</source>
        <translation>Сканерленген беттер танылды</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 ашылмады</translation>
    </message>
    <message>
        <source>Oqyrman could not open “%1”:
%2</source>
        <translation>Oqyrman «%1» файлын аша алмады:
%2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>%1
Password for “%2”:</source>
        <translation>%1
«%2» құпиясөзі:</translation>
    </message>
    <message>
        <source>%1 – Oqyrman</source>
        <translation>%1 – Oqyrman</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) mix letters of two alphabets; search and entities read them as the words they stand for</source>
        <translation>
            <numerusform>%n сөзде екі әліпбидің әріптері аралас; іздеу мен атаулар оларды тиісті сөз ретінде оқиды</numerusform>
            <numerusform>%n сөзде екі әліпбидің әріптері аралас; іздеу мен атаулар оларды тиісті сөз ретінде оқиды</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>Сөздер саналуда…</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n сөз</numerusform>
            <numerusform>%n сөз</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>%1-жол</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Құжаттарды ашу</translation>
    </message>
    <message>
        <source>Document tabs</source>
        <translation>Құжат қойындылары</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Кө&amp;шіру</translation>
    </message>
    <message>
        <source>Select A&amp;ll</source>
        <translation>Бә&amp;рін таңдау</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Соңғы файлдар жоқ</translation>
    </message>
    <message>
        <source>Latin script is not available: %1</source>
        <translation>Латын әліпбиі қолжетімсіз: %1</translation>
    </message>
    <message>
        <source>Not reopened (no longer there): %1</source>
        <translation>Қайта ашылмады (енді жоқ): %1</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Annotated passage</source>
        <translation>Белгіленген үзінді</translation>
    </message>
    <message>
        <source>Write your note here</source>
        <translation>Ескертпені осында жазыңыз</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ескертпе:</translation>
    </message>
</context>
<context>
    <name>PageTools</name>
    <message>
        <source>Pages</source>
        <translation>Беттер</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>No pages to show</source>
        <translation>Көрсететін бет жоқ</translation>
    </message>
</context>
<context>
    <name>PdfOutlinePanel</name>
    <message>
        <source>(untitled)</source>
        <translation>(атаусыз)</translation>
    </message>
</context>
<context>
    <name>PdfToolbarWidget</name>
    <message>
        <source>Page number</source>
        <translation>Бет нөмірі</translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>%n ішінен</numerusform>
            <numerusform>%n ішінен</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ені бойынша</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Бет бойынша</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Бұру</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Жүйелік</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Қараңғы</translation>
    </message>
    <message>
        <source>Word forms</source>
        <translation>Сөз тұлғалары</translation>
    </message>
    <message>
        <source>Exact text</source>
        <translation>Дәл мәтін</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Тұрақты өрнек</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>Терезе енімен</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> таңба</translation>
    </message>
    <message>
        <source>How wide a line of the document may be</source>
        <translation>Құжат жолының ең көп ені</translation>
    </message>
    <message>
        <source>Signs the notes and highlights of exported copies</source>
        <translation>Экспортталған көшірмелердегі ескертпелер мен ерекшелеулерге қойылатын қолтаңба</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <source>A new language applies at once: the window is built again, with the same documents at the same places.</source>
        <translation>Жаңа тіл бірден қолданылады: терезе қайта құрылады, құжаттар сол орындарында қалады.</translation>
    </message>
    <message>
        <source>Document &amp;font:</source>
        <translation>Құжат &amp;қарпі:</translation>
    </message>
    <message>
        <source>Font si&amp;ze:</source>
        <translation>Қаріп &amp;өлшемі:</translation>
    </message>
    <message>
        <source>Line &amp;width:</source>
        <translation>Жол е&amp;ні:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Безендіру:</translation>
    </message>
    <message>
        <source>Default &amp;search:</source>
        <translation>Әдепкі &amp;іздеу:</translation>
    </message>
    <message>
        <source>&amp;Author of notes:</source>
        <translation>Ескертпе &amp;авторы:</translation>
    </message>
</context>
<context>
    <name>ReaderError</name>
    <message>
        <source>Oqyrman cannot open “{suffix}” files; it reads {known}</source>
        <translation>Oqyrman «{suffix}» файлдарын аша алмайды; ол мыналарды оқиды: {known}</translation>
    </message>
    <message>
        <source>Oqyrman cannot open files without a suffix; it reads {known}</source>
        <translation>Oqyrman кеңейтімі жоқ файлдарды аша алмайды; ол мыналарды оқиды: {known}</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: мұндай файл жоқ</translation>
    </message>
    <message>
        <source>{file} is a folder, not a document</source>
        <translation>{file} — құжат емес, қалта</translation>
    </message>
    <message>
        <source>{file} is not a regular file</source>
        <translation>{file} — кәдімгі файл емес</translation>
    </message>
    <message>
        <source>{file} is {size} MB; Oqyrman opens files up to {limit} MB</source>
        <translation>{file} көлемі {size} МБ; Oqyrman {limit} МБ-қа дейінгі файлдарды ашады</translation>
    </message>
    <message>
        <source>Loading was cancelled</source>
        <translation>Жүктеу тоқтатылды</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}: оқу мүмкін емес ({reason})</translation>
    </message>
    <message>
        <source>{file} is {size} MB; Oqyrman opens {format} files up to {limit} MB</source>
        <translation>{file} көлемі {size} МБ; Oqyrman {format} файлдарын {limit} МБ-қа дейін ашады</translation>
    </message>
    <message>
        <source> (it looks like a PDF document)</source>
        <translation> (PDF құжатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a zip archive)</source>
        <translation> (zip мұрағатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like an RTF document)</source>
        <translation> (RTF құжатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like an old Word or Excel file (.doc, .xls))</source>
        <translation> (ескі Word немесе Excel файлына ұқсайды (.doc, .xls))</translation>
    </message>
    <message>
        <source> (it looks like a PNG image)</source>
        <translation> (PNG суретіне ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a JPEG image)</source>
        <translation> (JPEG суретіне ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a GIF image)</source>
        <translation> (GIF суретіне ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a gzip archive)</source>
        <translation> (gzip мұрағатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a RAR archive)</source>
        <translation> (RAR мұрағатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a 7-Zip archive)</source>
        <translation> (7-Zip мұрағатына ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a program)</source>
        <translation> (бағдарламаға ұқсайды)</translation>
    </message>
    <message>
        <source> (it looks like a Windows program)</source>
        <translation> (Windows бағдарламасына ұқсайды)</translation>
    </message>
    <message>
        <source>is a zip archive but not a Word document</source>
        <translation>zip мұрағаты, бірақ Word құжаты емес</translation>
    </message>
    <message>
        <source>is a damaged Word document ({reason})</source>
        <translation>зақымдалған Word құжаты ({reason})</translation>
    </message>
    <message>
        <source>is a zip archive but not an EPUB (no {member})</source>
        <translation>zip мұрағаты, бірақ EPUB емес ({member} жоқ)</translation>
    </message>
    <message>
        <source>is an EPUB whose package document (OPF) is missing</source>
        <translation>EPUB-тың пакет құжаты (OPF) жоқ</translation>
    </message>
    <message>
        <source>is XML but not a FictionBook document</source>
        <translation>XML, бірақ FictionBook құжаты емес</translation>
    </message>
    <message>
        <source>is nested too deeply to display</source>
        <translation>көрсету үшін тым терең кірістірілген</translation>
    </message>
    <message>
        <source>is a zip archive but not an OpenDocument text (no content.xml)</source>
        <translation>zip мұрағаты, бірақ OpenDocument мәтіні емес (content.xml жоқ)</translation>
    </message>
    <message>
        <source>is a damaged PDF ({reason})</source>
        <translation>зақымдалған PDF ({reason})</translation>
    </message>
    <message>
        <source>none of its pages can be read</source>
        <translation>бірде-бір беті оқылмайды</translation>
    </message>
    <message>
        <source>pdfium could not read it</source>
        <translation>pdfium оны оқи алмады</translation>
    </message>
    <message>
        <source>pdfium failed for an unknown reason</source>
        <translation>pdfium белгісіз себеппен қате берді</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>файл оқылмады</translation>
    </message>
    <message>
        <source>it is not a PDF or it is damaged</source>
        <translation>бұл PDF емес немесе зақымдалған</translation>
    </message>
    <message>
        <source>it needs a password</source>
        <translation>құпиясөз қажет</translation>
    </message>
    <message>
        <source>it uses a security scheme Oqyrman does not support</source>
        <translation>Oqyrman қолдамайтын қорғау тәсілі қолданылған</translation>
    </message>
    <message>
        <source>a page is damaged</source>
        <translation>бір беті зақымдалған</translation>
    </message>
    <message>
        <source>is empty, not a PDF file</source>
        <translation>бос, PDF файлы емес</translation>
    </message>
    <message>
        <source> (it does not start with %PDF)</source>
        <translation> (%PDF белгісінен басталмайды)</translation>
    </message>
    <message>
        <source>is not a PDF file{detail}</source>
        <translation>PDF файлы емес{detail}</translation>
    </message>
    <message>
        <source>is a truncated PDF (its end-of-file marker is missing)</source>
        <translation>соңы қиылған PDF (файл соңының белгісі жоқ)</translation>
    </message>
    <message>
        <source>the password is not right</source>
        <translation>құпиясөз дұрыс емес</translation>
    </message>
    <message>
        <source>is protected by a password</source>
        <translation>құпиясөзбен қорғалған</translation>
    </message>
    <message>
        <source>is encrypted with a security scheme Oqyrman cannot open</source>
        <translation>Oqyrman аша алмайтын тәсілмен шифрланған</translation>
    </message>
    <message>
        <source>is not an RTF file{detail}</source>
        <translation>RTF файлы емес{detail}</translation>
    </message>
    <message>
        <source> (it does not start with {\rtf)</source>
        <translation> ({\rtf белгісінен басталмайды)</translation>
    </message>
    <message>
        <source>not valid {encoding} text (bad bytes near offset {offset})</source>
        <translation>жарамды {encoding} мәтіні емес ({offset} орнының маңында қате байттар)</translation>
    </message>
    <message>
        <source>cannot be read as {encoding} ({reason})</source>
        <translation>{encoding} ретінде оқылмайды ({reason})</translation>
    </message>
    <message>
        <source>1 byte is not valid {encoding} and shows as �</source>
        <translation>1 байт {encoding} кодтауында жарамсыз, ол � болып көрсетіледі</translation>
    </message>
    <message>
        <source>{count} bytes are not valid {encoding} and show as �</source>
        <translation>{count} байт {encoding} кодтауында жарамсыз, олар � болып көрсетіледі</translation>
    </message>
    <message>
        <source>the text encoding could not be determined (expected UTF-8, UTF-16, Windows-1251 or KZ-1048); choose one with Reopen with encoding (--encoding on the command line)</source>
        <translation>мәтіннің кодталуы анықталмады (UTF-8, UTF-16, Windows-1251 немесе KZ-1048 күтілген); «Басқа кодталумен ашу» арқылы таңдаңыз (командалық жолда --encoding)</translation>
    </message>
    <message>
        <source> (it contains binary data)</source>
        <translation> (ішінде екілік деректер бар)</translation>
    </message>
    <message>
        <source>not a text file{detail}</source>
        <translation>мәтіндік файл емес{detail}</translation>
    </message>
    <message>
        <source>is empty, not {format}</source>
        <translation>бос, {format} емес</translation>
    </message>
    <message>
        <source>is {format} nested too deeply or too large to read safely</source>
        <translation>қауіпсіз оқу үшін тым терең кірістірілген немесе тым үлкен {format}</translation>
    </message>
    <message>
        <source>not well-formed {format} ({reason})</source>
        <translation>дұрыс құрылмаған {format} ({reason})</translation>
    </message>
    <message>
        <source>{file} is not well-formed {format} ({reason}); it was repaired to open, so some of it may be missing or out of place</source>
        <translation>{file} — дұрыс құрылмаған {format} ({reason}); ашу үшін ол түзетілді, сондықтан кейбір бөліктері жоқ немесе орнынан ауысқан болуы мүмкін</translation>
    </message>
    <message>
        <source>has no {format} content</source>
        <translation>ішінде {format} мазмұны жоқ</translation>
    </message>
    <message>
        <source> (it does not start with &lt;)</source>
        <translation> (&lt; белгісінен басталмайды)</translation>
    </message>
    <message>
        <source>is not {format}{detail}</source>
        <translation>{format} емес{detail}</translation>
    </message>
    <message>
        <source>declares its own entities in a DOCTYPE; Oqyrman does not expand them for safety (they can read local files or explode in size)</source>
        <translation>DOCTYPE ішінде өз мәндестерін (entity) жариялайды; Oqyrman қауіпсіздік үшін оларды ашпайды (олар жергілікті файлдарды оқи алады немесе көлемі шектен тыс өседі)</translation>
    </message>
    <message>
        <source>cannot be read as {format} ({reason})</source>
        <translation>{format} ретінде оқылмайды ({reason})</translation>
    </message>
    <message>
        <source>is a damaged or truncated {format} file (no zip directory)</source>
        <translation>зақымдалған не соңы қиылған {format} файлы (zip каталогы жоқ)</translation>
    </message>
    <message>
        <source>{file}: refused: its zip directory lists {members} files ({size} KB); a {format} never has more than {limit}</source>
        <translation>{file}: қабылданбады: оның zip каталогында {members} файл бар ({size} КБ); {format} ішінде ешқашан {limit} файлдан көп болмайды</translation>
    </message>
    <message>
        <source>is empty, not a {format} file</source>
        <translation>бос, {format} файлы емес</translation>
    </message>
    <message>
        <source> (it is not a zip archive)</source>
        <translation> (zip мұрағаты емес)</translation>
    </message>
    <message>
        <source>is not a {format} file{detail}</source>
        <translation>{format} файлы емес{detail}</translation>
    </message>
    <message>
        <source>is a damaged or truncated {format} file ({reason})</source>
        <translation>зақымдалған не соңы қиылған {format} файлы ({reason})</translation>
    </message>
    <message>
        <source>uses a compression method a {format} never uses</source>
        <translation>{format} ешқашан қолданбайтын сығу әдісін қолданады</translation>
    </message>
    <message>
        <source>is a password-protected (encrypted) {format}; Oqyrman cannot open it: save a copy without a password and open that</source>
        <translation>құпиясөзбен қорғалған (шифрланған) {format}; Oqyrman оны аша алмайды: құпиясөзсіз көшірмесін сақтап, соны ашыңыз</translation>
    </message>
    <message>
        <source>member {member} is compressed suspiciously well</source>
        <translation>{member} мүшесі күдікті түрде қатты сығылған</translation>
    </message>
    <message>
        <source>would unpack to {size} MB</source>
        <translation>ашқанда {size} МБ болар еді</translation>
    </message>
    <message>
        <source>is a Strict Open XML document, which Oqyrman does not read yet; save it from Word as a “Word Document (.docx)”</source>
        <translation>Strict Open XML құжаты, Oqyrman оны әзірге оқымайды; Word-та «Word құжаты (.docx)» ретінде сақтаңыз</translation>
    </message>
    <message>
        <source>{file}: refused as a possible zip bomb ({why}; the limit is {limit} MB unpacked, {ratio}:1 per member)</source>
        <translation>{file}: zip-бомба болуы мүмкін деп қабылданбады ({why}; шек: ашылғанда {limit} МБ, әр мүшеге {ratio}:1)</translation>
    </message>
    <message>
        <source>member {member} inflates past its size</source>
        <translation>{member} мүшесі ашылғанда өз өлшемінен асады</translation>
    </message>
    <message>
        <source>an unknown language</source>
        <extracomment>Legacy code pages other than Cyrillic that charset-normalizer is asked about.</extracomment>
        <translation>белгісіз тіл</translation>
    </message>
    <message>
        <source>The text was read as {encoding} ({languages}), not as Kazakh or Russian; if it looks wrong, reopen it with another encoding</source>
        <translation>Мәтін қазақша немесе орысша емес, {encoding} ({languages}) ретінде оқылды; қате көрінсе, оны басқа кодтаумен қайта ашыңыз</translation>
    </message>
</context>
<context>
    <name>SearchBarWidget</name>
    <message>
        <source>Find in document</source>
        <translation>Құжаттан іздеу</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Сөздер</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Дәл</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Өрнек</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Іздеу тәсілі</translation>
    </message>
    <message>
        <source>Find every inflected form of the words, in any Kazakh spelling</source>
        <translation>Сөздердің барлық тұлғаларын қазақ тілінің кез келген жазылуымен табу</translation>
    </message>
    <message>
        <source>Find the text exactly as typed</source>
        <translation>Мәтінді дәл терілгендей табу</translation>
    </message>
    <message>
        <source>Treat the query as a Python regular expression</source>
        <translation>Сұранысты Python тұрақты өрнегі ретінде қарастыру</translation>
    </message>
    <message>
        <source>How the query is matched: word forms, exact text or regex</source>
        <translation>Сұраныс қалай салыстырылады: сөз тұлғалары, дәл мәтін немесе тұрақты өрнек</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case: tell upper and lower case apart</source>
        <translation>Регистрді ескеру: бас және кіші әріптерді ажырату</translation>
    </message>
    <message>
        <source>W</source>
        <translation>Сөз</translation>
    </message>
    <message>
        <source>Whole word: match only complete words</source>
        <translation>Тұтас сөз: тек толық сөздерді табу</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Алдыңғы сәйкестік (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Келесі сәйкестік (Enter, F3)</translation>
    </message>
    <message>
        <source>Close the search bar (Esc)</source>
        <translation>Іздеу жолағын жабу (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ізделуде…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Сәйкестік жоқ</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Documents and tabs</source>
        <translation>Құжаттар мен қойындылар</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Көрініс</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>Ерекшелеулер мен ескертпелер</translation>
    </message>
    <message>
        <source>Entity panel</source>
        <translation>Атаулар тақтасы</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Бағдарлама</translation>
    </message>
    <message>
        <source>Other commands</source>
        <translation>Басқа командалар</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>Құжатты ашу</translation>
    </message>
    <message>
        <source>Close the tab</source>
        <translation>Қойындыны жабу</translation>
    </message>
    <message>
        <source>Middle click on a tab</source>
        <translation>Қойындыны тышқанның орта батырмасымен басу</translation>
    </message>
    <message>
        <source>Close that tab</source>
        <translation>Сол қойындыны жабу</translation>
    </message>
    <message>
        <source>Export a copy with highlights and notes</source>
        <translation>Ерекшелеулері мен ескертпелері бар көшірмені экспорттау</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Келесі қойынды</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Алдыңғы қойынды</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Бастапқы өлшем</translation>
    </message>
    <message>
        <source>Find in the document</source>
        <translation>Құжаттан іздеу</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Келесі сәйкестік</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Алдыңғы сәйкестік</translation>
    </message>
    <message>
        <source>Next match (in the search bar)</source>
        <translation>Келесі сәйкестік (іздеу жолағында)</translation>
    </message>
    <message>
        <source>Previous match (in the search bar)</source>
        <translation>Алдыңғы сәйкестік (іздеу жолағында)</translation>
    </message>
    <message>
        <source>Close the search bar</source>
        <translation>Іздеу жолағын жабу</translation>
    </message>
    <message>
        <source>Search all open documents</source>
        <translation>Барлық ашық құжаттардан іздеу</translation>
    </message>
    <message>
        <source>Highlight the selection in colour 1 to 5</source>
        <translation>Таңдалған мәтінді 1–5 түстерінің бірімен ерекшелеу</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Next control of the panel</source>
        <translation>Тақтаның келесі элементі</translation>
    </message>
    <message>
        <source>Select the entry&apos;s first mention in the text</source>
        <translation>Жазбаның мәтіндегі алғашқы аталуын таңдау</translation>
    </message>
    <message>
        <source>Rename the selected entry</source>
        <translation>Таңдалған жазбаның атын өзгерту</translation>
    </message>
    <message>
        <source>Remove the selected entries, or the mention: not an entity</source>
        <translation>Таңдалған жазбаларды алып тастау, не аталуды «атау емес» деп белгілеу</translation>
    </message>
    <message>
        <source>All commands for the entry or mention</source>
        <translation>Жазба не аталу үшін барлық командалар</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Пернетақта тіркесімдері</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Filter by key or command</source>
        <translation>Перне немесе команда бойынша сүзу</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Тіркесім</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Күтпеген қате: %1</translation>
    </message>
</context>
</TS>
