<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Kazakh named-entity corpus the entity recogniser is trained on</source>
        <translation>Казахский корпус именованных сущностей, на котором обучен распознаватель</translation>
    </message>
    <message>
        <source>Kazakh treebank with gold lemmas, used to check the lemmatiser</source>
        <translation>Казахский синтаксический корпус с эталонными леммами для проверки лемматизатора</translation>
    </message>
    <message>
        <source>Font embedded in exported PDF files</source>
        <translation>Шрифт, встраиваемый в экспортируемые PDF-файлы</translation>
    </message>
    <message>
        <source>User interface toolkit and its Python bindings</source>
        <translation>Библиотека пользовательского интерфейса и её привязки к Python</translation>
    </message>
    <message>
        <source>Russian named-entity recognition and its models</source>
        <translation>Распознавание именованных сущностей в русском тексте и его модели</translation>
    </message>
    <message>
        <source>Russian morphology (dictionaries from OpenCorpora)</source>
        <translation>Морфология русского языка (словари OpenCorpora)</translation>
    </message>
    <message>
        <source>Conditional random fields for the Kazakh entity recogniser</source>
        <translation>Условные случайные поля (CRF) для казахского распознавателя сущностей</translation>
    </message>
    <message>
        <source>Reading and writing DOCX files</source>
        <translation>Чтение и запись файлов DOCX</translation>
    </message>
    <message>
        <source>Reading PDF files and adding highlight annotations</source>
        <translation>Чтение PDF-файлов и добавление аннотаций-выделений</translation>
    </message>
    <message>
        <source>Reading XML, HTML, FB2, EPUB and ODT</source>
        <translation>Чтение XML, HTML, FB2, EPUB и ODT</translation>
    </message>
    <message>
        <source>Encoding detection, user folders, numerical arrays</source>
        <translation>Определение кодировки, папки пользователя, числовые массивы</translation>
    </message>
    <message>
        <source>The language Oqyrman is written in, with its standard library</source>
        <translation>Язык, на котором написан Oqyrman, и его стандартная библиотека</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>не установлен</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Oqyrman is free software under the GNU General Public License, version 3 or later. It ships with these components, data sets and fonts:</source>
        <translation>Oqyrman — свободная программа, распространяемая на условиях GNU General Public License версии 3 или более поздней. В её состав входят следующие компоненты, наборы данных и шрифты:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Компонент</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>About Oqyrman</source>
        <translation>О программе Oqyrman</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <source>Licences and credits</source>
        <translation>Лицензии и благодарности</translation>
    </message>
    <message>
        <source>A reader for Kazakh, Russian and English documents: search that understands Kazakh word forms, named entities, highlights and notes, annotated PDF and DOCX export.</source>
        <translation>Программа для чтения документов на казахском, русском и английском языках: поиск с учётом казахских словоформ, именованные сущности, выделения и заметки, экспорт в PDF и DOCX с аннотациями.</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License v3 or later.</source>
        <translation>Свободная программа на условиях GNU General Public License версии 3 или более поздней.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>&amp;Копировать версии</translation>
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
        <translation>Настройки</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Word forms</source>
        <translation>Словоформы</translation>
    </message>
    <message>
        <source>Exact text</source>
        <translation>Точный текст</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Регулярное выражение</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>A new language applies when Oqyrman starts again.</source>
        <translation>Новый язык вступит в силу после перезапуска Oqyrman.</translation>
    </message>
    <message>
        <source>Document &amp;font:</source>
        <translation>&amp;Шрифт документа:</translation>
    </message>
    <message>
        <source>Font si&amp;ze:</source>
        <translation>&amp;Размер шрифта:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Default &amp;search:</source>
        <translation>&amp;Поиск по умолчанию:</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Documents and tabs</source>
        <translation>Документы и вкладки</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Highlights and notes</source>
        <translation>Выделения и заметки</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Other commands</source>
        <translation>Другие команды</translation>
    </message>
    <message>
        <source>Open a document</source>
        <translation>Открыть документ</translation>
    </message>
    <message>
        <source>Close the tab</source>
        <translation>Закрыть вкладку</translation>
    </message>
    <message>
        <source>Middle click on a tab</source>
        <translation>Щелчок средней кнопкой мыши по вкладке</translation>
    </message>
    <message>
        <source>Close that tab</source>
        <translation>Закрыть эту вкладку</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Следующая вкладка</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Предыдущая вкладка</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Исходный масштаб</translation>
    </message>
    <message>
        <source>Find in the document</source>
        <translation>Найти в документе</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next match (in the search bar)</source>
        <translation>Следующее совпадение (в строке поиска)</translation>
    </message>
    <message>
        <source>Previous match (in the search bar)</source>
        <translation>Предыдущее совпадение (в строке поиска)</translation>
    </message>
    <message>
        <source>Close the search bar</source>
        <translation>Закрыть строку поиска</translation>
    </message>
    <message>
        <source>Search all open documents</source>
        <translation>Искать во всех открытых документах</translation>
    </message>
    <message>
        <source>Highlight the selection in colour 1 to 5</source>
        <translation>Выделить фрагмент цветом 1–5</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Filter by key or command</source>
        <translation>Фильтр по клавише или команде</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Сочетание</translation>
    </message>
</context>
</TS>
