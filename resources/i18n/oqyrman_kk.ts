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
    <name>LoadingWidget</name>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Language:</source>
        <translation>&amp;Тіл:</translation>
    </message>
    <message>
        <source>A new language applies when Oqyrman starts again.</source>
        <translation>Жаңа тіл Oqyrman қайта іске қосылғанда қолданылады.</translation>
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
        <source>&amp;Theme:</source>
        <translation>&amp;Безендіру:</translation>
    </message>
    <message>
        <source>Default &amp;search:</source>
        <translation>Әдепкі &amp;іздеу:</translation>
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
</TS>
