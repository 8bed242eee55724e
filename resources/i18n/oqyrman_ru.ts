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
    <name>AnnotationController</name>
    <message>
        <source>Select some text to highlight</source>
        <translation>Выделите текст, который нужно отметить</translation>
    </message>
    <message>
        <source>Change highlight colour</source>
        <translation>Изменить цвет выделения</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Выделение</translation>
    </message>
    <message>
        <source>Select some text or a highlight to add a note</source>
        <translation>Чтобы добавить заметку, выделите текст или отмеченный фрагмент</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>There is no annotation here to delete</source>
        <translation>Здесь нет аннотации, которую можно удалить</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>Удалить аннотацию</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Highlight %1</source>
        <translation>Выделить: %1</translation>
    </message>
    <message>
        <source>Add or Edit &amp;Note…</source>
        <translation>Добавить или изменить &amp;заметку…</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>&amp;Удалить аннотацию</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Import Annotations…</source>
        <translation>&amp;Импорт аннотаций…</translation>
    </message>
    <message>
        <source>&amp;Export Annotations…</source>
        <translation>&amp;Экспорт аннотаций…</translation>
    </message>
    <message>
        <source>Annotate</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Аннотации</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Импорт аннотаций</translation>
    </message>
    <message>
        <source>Web Annotations (*.json)</source>
        <translation>Веб-аннотации (*.json)</translation>
    </message>
    <message>
        <source>Cannot import annotations</source>
        <translation>Не удалось импортировать аннотации</translation>
    </message>
    <message>
        <source>%1 annotations imported.</source>
        <translation>Импортировано аннотаций: %1.</translation>
    </message>
    <message>
        <source>%1 could not be found in this text and are listed as orphaned.</source>
        <translation>Не найдено в этом тексте: %1; они перечислены как потерянные.</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Экспорт аннотаций</translation>
    </message>
    <message>
        <source>Cannot export annotations</source>
        <translation>Не удалось экспортировать аннотации</translation>
    </message>
    <message>
        <source>Annotations saved to %1</source>
        <translation>Аннотации сохранены в %1</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Розовый</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Оранжевый</translation>
    </message>
    <message>
        <source>Show highlights of colour</source>
        <translation>Показывать выделения цвета</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Все цвета</translation>
    </message>
    <message>
        <source>Filter annotations by text or note</source>
        <translation>Фильтр пометок по тексту или заметке</translation>
    </message>
    <message>
        <source>Filter by text or note</source>
        <translation>Фильтр по тексту или заметке</translation>
    </message>
    <message>
        <source>Annotations of this document</source>
        <translation>Пометки этого документа</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Orphaned: their text is no longer in the document</source>
        <translation>Потерянные: их текста больше нет в документе</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n аннотация</numerusform>
            <numerusform>%n аннотации</numerusform>
            <numerusform>%n аннотаций</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>Показано %1 из %2</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>Изменить заметку…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>DialogActions</name>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Н&amp;астройки…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <source>Document text</source>
        <translation>Текст документа</translation>
    </message>
</context>
<context>
    <name>EntityClass</name>
    <message>
        <source>Saying</source>
        <extracomment>Each class as people read it, in English: the interface translates these (context &quot;EntityClass&quot;), and the index at the end of an exported copy uses them (the JSON keeps the codes as ``label``).</extracomment>
        <translation>Поговорка</translation>
    </message>
    <message>
        <source>Work of art</source>
        <translation>Произведение искусства</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Disease</source>
        <translation>Болезнь</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Building or facility</source>
        <translation>Здание или сооружение</translation>
    </message>
    <message>
        <source>Country or settlement</source>
        <translation>Страна или населённый пункт</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Закон</translation>
    </message>
    <message>
        <source>Geographic place</source>
        <translation>Географический объект</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Другое название</translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation>Денежная сумма</translation>
    </message>
    <message>
        <source>Animal or other being</source>
        <translation>Животное или иное существо</translation>
    </message>
    <message>
        <source>Nationality or group</source>
        <translation>Национальность или группа</translation>
    </message>
    <message>
        <source>Ordinal number</source>
        <translation>Порядковое число</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Процент</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Position or title</source>
        <translation>Должность или звание</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Величина</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
</context>
<context>
    <name>EntityGroup</name>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Места</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Числа</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel entity recognition</source>
        <translation>Остановить распознавание сущностей</translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation>Фильтр сущностей</translation>
    </message>
    <message>
        <source>By frequency</source>
        <translation>По частоте</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>По имени</translation>
    </message>
    <message>
        <source>Sort entries</source>
        <translation>Сортировка записей</translation>
    </message>
    <message>
        <source>Highlight %1 in the text</source>
        <translation>Выделить в тексте: %1</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Class…</source>
        <translation>Класс…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Add Selection…</source>
        <translation>Добавить выделенное…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Recognise Again</source>
        <translation>Распознать заново</translation>
    </message>
    <message>
        <source>Undo the last correction</source>
        <translation>Отменить последнее исправление</translation>
    </message>
    <message>
        <source>Merge the selected entries into the first</source>
        <translation>Объединить выбранные записи с первой</translation>
    </message>
    <message>
        <source>Add the text selected in the document</source>
        <translation>Добавить текст, выделенный в документе</translation>
    </message>
    <message>
        <source>Split Off as Own Entry</source>
        <translation>Выделить в отдельную запись</translation>
    </message>
    <message>
        <source>Recognition progress</source>
        <translation>Ход распознавания</translation>
    </message>
    <message>
        <source>Not an Entity</source>
        <translation>Не сущность</translation>
    </message>
    <message>
        <source>Run the recogniser again; your corrections are kept</source>
        <translation>Запустить распознавание заново; ваши исправления сохранятся</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>More entity commands</source>
        <translation>Другие команды для сущностей</translation>
    </message>
    <message>
        <source>Entities by class</source>
        <translation>Сущности по классам</translation>
    </message>
    <message>
        <source>Mentions of the selected entry</source>
        <translation>Упоминания выбранной записи</translation>
    </message>
    <message>
        <source>Entity recognition failed: %1</source>
        <translation>Не удалось распознать сущности: %1</translation>
    </message>
    <message>
        <source>Entity recognition was cancelled.</source>
        <translation>Распознавание сущностей отменено.</translation>
    </message>
    <message>
        <source>No document.</source>
        <translation>Нет документа.</translation>
    </message>
    <message>
        <source>Recognising entities…</source>
        <translation>Распознавание сущностей…</translation>
    </message>
    <message>
        <source>Entities not recognised.</source>
        <translation>Сущности не распознаны.</translation>
    </message>
    <message>
        <source>%1 entities, %2 mentions</source>
        <translation>Сущностей: %1, упоминаний: %2</translation>
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
        <translation>Экспорт сущностей</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>Смещение %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Класс:</translation>
    </message>
    <message>
        <source>Merge Entries</source>
        <translation>Объединить записи</translation>
    </message>
    <message>
        <source>Title of the merged entry:</source>
        <translation>Название объединённой записи:</translation>
    </message>
    <message>
        <source>Rename Entity</source>
        <translation>Переименовать сущность</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Change Class</source>
        <translation>Изменить класс</translation>
    </message>
    <message>
        <source>Select some text in the document first.</source>
        <translation>Сначала выделите текст в документе.</translation>
    </message>
    <message>
        <source>Add as Entity</source>
        <translation>Добавить как сущность</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <source>Export &amp;Entities…</source>
        <translation>Экспорт &amp;сущностей…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Упоминаний</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Позиции</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n упоминание</numerusform>
            <numerusform>%n упоминания</numerusform>
            <numerusform>%n упоминаний</numerusform>
        </translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>с. %1</translation>
    </message>
    <message>
        <source>pages %1</source>
        <translation>с. %1</translation>
    </message>
    <message>
        <source>Index of entities</source>
        <translation>Указатель сущностей</translation>
    </message>
    <message>
        <source>E&amp;xport Annotated Copy…</source>
        <translation>Экспорт &amp;копии с аннотациями…</translation>
    </message>
    <message>
        <source>Save a PDF or Word copy with your highlights and notes</source>
        <translation>Сохранить копию в PDF или Word с вашими выделениями и заметками</translation>
    </message>
    <message>
        <source>Add &amp;Index of Entities to Copies</source>
        <translation>&amp;Указатель сущностей в копиях</translation>
    </message>
    <message>
        <source>End exported copies with the entities of the document and their pages</source>
        <translation>Добавлять в конец копии сущности документа и номера их страниц</translation>
    </message>
    <message>
        <source>Include &amp;Dates in the Index</source>
        <translation>Включать &amp;даты в указатель</translation>
    </message>
    <message>
        <source>List the document&apos;s dates and times in the index too, after the names</source>
        <translation>Перечислять в указателе и даты и время документа, после имён</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Документ Word (*.docx)</translation>
    </message>
    <message>
        <source>OpenDocument text (*.odt)</source>
        <translation>Текст OpenDocument (*.odt)</translation>
    </message>
    <message>
        <source>Export Annotated Copy</source>
        <translation>Экспорт копии с аннотациями</translation>
    </message>
    <message>
        <source>the copy is typeset anew from the text: the original&apos;s layout is not kept</source>
        <translation>копия свёрстана заново по тексту: макет оригинала не сохраняется</translation>
    </message>
    <message>
        <source>Choose another name: this would replace the document itself</source>
        <translation>Выберите другое имя: так будет заменён сам документ</translation>
    </message>
    <message>
        <source>Entities are still being recognised: the copy has no index</source>
        <translation>Сущности ещё распознаются: копия будет без указателя</translation>
    </message>
    <message>
        <source>Exporting “%1”…</source>
        <translation>Экспорт «%1»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано: %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n orphaned annotation(s) left out: they no longer match the text)</source>
        <translation>
            <numerusform>(%n потерянная аннотация не вошла в копию: её текста больше нет)</numerusform>
            <numerusform>(%n потерянные аннотации не вошли в копию: их текста больше нет)</numerusform>
            <numerusform>(%n потерянных аннотаций не вошли в копию: их текста больше нет)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written</source>
        <translation>Экспорт отменён; файл %1 не записан</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
</context>
<context>
    <name>GlobalSearchPanel</name>
    <message>
        <source>Find in all open documents</source>
        <translation>Найти во всех открытых документах</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Режим поиска</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Учитывать регистр</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Слово целиком</translation>
    </message>
    <message>
        <source>Matches in all documents</source>
        <translation>Совпадения во всех документах</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Совпадение</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>%1 matches in %2 documents</source>
        <translation>Совпадений: %1, документов: %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
</context>
<context>
    <name>LoadingWidget</name>
    <message>
        <source>Opening %1…</source>
        <translation>Открывается %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
        <translation>Поиск по всем документам</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Закрыть вкладку</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Найти пр&amp;едыдущее</translation>
    </message>
    <message>
        <source>Find in &amp;All Documents…</source>
        <translation>Найти во &amp;всех документах…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>У&amp;величить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Уменьшить</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Исходный масштаб</translation>
    </message>
    <message>
        <source>&amp;Latin Script</source>
        <translation>&amp;Латиница</translation>
    </message>
    <message>
        <source>Show Kazakh text in the 2021 Latin alphabet</source>
        <translation>Показывать казахский текст латиницей образца 2021 года</translation>
    </message>
    <message>
        <source>Reopen with &amp;Encoding</source>
        <translation>Открыть в другой &amp;кодировке</translation>
    </message>
    <message>
        <source>Next &amp;Tab</source>
        <translation>&amp;Следующая вкладка</translation>
    </message>
    <message>
        <source>Previous T&amp;ab</source>
        <translation>П&amp;редыдущая вкладка</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;About Oqyrman</source>
        <translation>&amp;О программе Oqyrman</translation>
    </message>
    <message>
        <source>Warnings about this document</source>
        <translation>Предупреждения об этом документе</translation>
    </message>
    <message>
        <source>Recognising %1 scanned pages…</source>
        <translation>Распознаются отсканированные страницы: %1…</translation>
    </message>
    <message>
        <source>Recognising scanned pages: %1 of %2</source>
        <translation>Распознаются отсканированные страницы: %1 из %2</translation>
    </message>
    <message>
        <source>Scanned pages recognised</source>
        <translation>Отсканированные страницы распознаны</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Не удалось открыть %1</translation>
    </message>
    <message>
        <source>Oqyrman could not open “%1”:
%2</source>
        <translation>Oqyrman не удалось открыть «%1»:
%2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>%1
Password for “%2”:</source>
        <translation>%1
Пароль для «%2»:</translation>
    </message>
    <message>
        <source>%1 – Oqyrman</source>
        <translation>%1 – Oqyrman</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) mix letters of two alphabets; search and entities read them as the words they stand for</source>
        <translation>
            <numerusform>%n слово смешивает буквы двух алфавитов; поиск и сущности читают их как слова, которые они обозначают</numerusform>
            <numerusform>%n слова смешивают буквы двух алфавитов; поиск и сущности читают их как слова, которые они обозначают</numerusform>
            <numerusform>%n слов смешивают буквы двух алфавитов; поиск и сущности читают их как слова, которые они обозначают</numerusform>
        </translation>
    </message>
    <message>
        <source>Counting words…</source>
        <translation>Подсчёт слов…</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n слово</numerusform>
            <numerusform>%n слова</numerusform>
            <numerusform>%n слов</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Строка %1</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>Открыть документы</translation>
    </message>
    <message>
        <source>Document tabs</source>
        <translation>Вкладки документов</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Select A&amp;ll</source>
        <translation>В&amp;ыделить всё</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Нет недавних файлов</translation>
    </message>
    <message>
        <source>Latin script is not available: %1</source>
        <translation>Латиница недоступна: %1</translation>
    </message>
    <message>
        <source>Not reopened (no longer there): %1</source>
        <translation>Не открыто повторно (файла больше нет): %1</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Annotated passage</source>
        <translation>Отмеченный фрагмент</translation>
    </message>
    <message>
        <source>Write your note here</source>
        <translation>Напишите заметку здесь</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Заметка:</translation>
    </message>
</context>
<context>
    <name>PageTools</name>
    <message>
        <source>Pages</source>
        <translation>Страницы</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Оглавление</translation>
    </message>
    <message>
        <source>No pages to show</source>
        <translation>Нет страниц для показа</translation>
    </message>
</context>
<context>
    <name>PdfOutlinePanel</name>
    <message>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
</context>
<context>
    <name>PdfToolbarWidget</name>
    <message>
        <source>Page number</source>
        <translation>Номер страницы</translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>из %n</numerusform>
            <numerusform>из %n</numerusform>
            <numerusform>из %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Страница целиком</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Повернуть</translation>
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
        <source>Window width</source>
        <translation>По ширине окна</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> символов</translation>
    </message>
    <message>
        <source>How wide a line of the document may be</source>
        <translation>Наибольшая ширина строки документа</translation>
    </message>
    <message>
        <source>Signs the notes and highlights of exported copies</source>
        <translation>Подпись под заметками и выделениями в экспортированных копиях</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>A new language applies at once: the window is built again, with the same documents at the same places.</source>
        <translation>Новый язык применяется сразу: окно строится заново, документы остаются на тех же местах.</translation>
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
        <source>Line &amp;width:</source>
        <translation>Ширина стро&amp;ки:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Default &amp;search:</source>
        <translation>&amp;Поиск по умолчанию:</translation>
    </message>
    <message>
        <source>&amp;Author of notes:</source>
        <translation>&amp;Автор заметок:</translation>
    </message>
</context>
<context>
    <name>ReaderError</name>
    <message>
        <source>Oqyrman cannot open “{suffix}” files; it reads {known}</source>
        <translation>Oqyrman не открывает файлы «{suffix}»; он читает {known}</translation>
    </message>
    <message>
        <source>Oqyrman cannot open files without a suffix; it reads {known}</source>
        <translation>Oqyrman не открывает файлы без расширения; он читает {known}</translation>
    </message>
    <message>
        <source>{file}: no such file</source>
        <translation>{file}: нет такого файла</translation>
    </message>
    <message>
        <source>{file} is a folder, not a document</source>
        <translation>{file} — это папка, а не документ</translation>
    </message>
    <message>
        <source>{file} is not a regular file</source>
        <translation>{file} — не обычный файл</translation>
    </message>
    <message>
        <source>{file} is {size} MB; Oqyrman opens files up to {limit} MB</source>
        <translation>{file} занимает {size} МБ; Oqyrman открывает файлы до {limit} МБ</translation>
    </message>
    <message>
        <source>Loading was cancelled</source>
        <translation>Загрузка отменена</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}: не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>{file} is {size} MB; Oqyrman opens {format} files up to {limit} MB</source>
        <translation>{file} занимает {size} МБ; Oqyrman открывает файлы {format} до {limit} МБ</translation>
    </message>
    <message>
        <source> (it looks like a PDF document)</source>
        <translation> (похоже на документ PDF)</translation>
    </message>
    <message>
        <source> (it looks like a zip archive)</source>
        <translation> (похоже на zip-архив)</translation>
    </message>
    <message>
        <source> (it looks like an RTF document)</source>
        <translation> (похоже на документ RTF)</translation>
    </message>
    <message>
        <source> (it looks like an old Word or Excel file (.doc, .xls))</source>
        <translation> (похоже на старый файл Word или Excel (.doc, .xls))</translation>
    </message>
    <message>
        <source> (it looks like a PNG image)</source>
        <translation> (похоже на изображение PNG)</translation>
    </message>
    <message>
        <source> (it looks like a JPEG image)</source>
        <translation> (похоже на изображение JPEG)</translation>
    </message>
    <message>
        <source> (it looks like a GIF image)</source>
        <translation> (похоже на изображение GIF)</translation>
    </message>
    <message>
        <source> (it looks like a gzip archive)</source>
        <translation> (похоже на архив gzip)</translation>
    </message>
    <message>
        <source> (it looks like a RAR archive)</source>
        <translation> (похоже на архив RAR)</translation>
    </message>
    <message>
        <source> (it looks like a 7-Zip archive)</source>
        <translation> (похоже на архив 7-Zip)</translation>
    </message>
    <message>
        <source> (it looks like a program)</source>
        <translation> (похоже на программу)</translation>
    </message>
    <message>
        <source> (it looks like a Windows program)</source>
        <translation> (похоже на программу Windows)</translation>
    </message>
    <message>
        <source>is a zip archive but not a Word document</source>
        <translation>zip-архив, но не документ Word</translation>
    </message>
    <message>
        <source>is a damaged Word document ({reason})</source>
        <translation>повреждённый документ Word ({reason})</translation>
    </message>
    <message>
        <source>is a zip archive but not an EPUB (no {member})</source>
        <translation>zip-архив, но не EPUB (нет {member})</translation>
    </message>
    <message>
        <source>is an EPUB whose package document (OPF) is missing</source>
        <translation>EPUB без документа пакета (OPF)</translation>
    </message>
    <message>
        <source>is XML but not a FictionBook document</source>
        <translation>XML, но не документ FictionBook</translation>
    </message>
    <message>
        <source>is nested too deeply to display</source>
        <translation>слишком глубокая вложенность для показа</translation>
    </message>
    <message>
        <source>is a zip archive but not an OpenDocument text (no content.xml)</source>
        <translation>zip-архив, но не текст OpenDocument (нет content.xml)</translation>
    </message>
    <message>
        <source>is a damaged PDF ({reason})</source>
        <translation>повреждённый PDF ({reason})</translation>
    </message>
    <message>
        <source>none of its pages can be read</source>
        <translation>ни одна страница не читается</translation>
    </message>
    <message>
        <source>pdfium could not read it</source>
        <translation>pdfium не смог его прочитать</translation>
    </message>
    <message>
        <source>pdfium failed for an unknown reason</source>
        <translation>pdfium завершился ошибкой по неизвестной причине</translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation>файл не удалось прочитать</translation>
    </message>
    <message>
        <source>it is not a PDF or it is damaged</source>
        <translation>это не PDF или он повреждён</translation>
    </message>
    <message>
        <source>it needs a password</source>
        <translation>нужен пароль</translation>
    </message>
    <message>
        <source>it uses a security scheme Oqyrman does not support</source>
        <translation>используется схема защиты, которую Oqyrman не поддерживает</translation>
    </message>
    <message>
        <source>a page is damaged</source>
        <translation>страница повреждена</translation>
    </message>
    <message>
        <source>is empty, not a PDF file</source>
        <translation>пуст, это не файл PDF</translation>
    </message>
    <message>
        <source> (it does not start with %PDF)</source>
        <translation> (не начинается с %PDF)</translation>
    </message>
    <message>
        <source>is not a PDF file{detail}</source>
        <translation>не файл PDF{detail}</translation>
    </message>
    <message>
        <source>is a truncated PDF (its end-of-file marker is missing)</source>
        <translation>обрезанный PDF (нет метки конца файла)</translation>
    </message>
    <message>
        <source>the password is not right</source>
        <translation>пароль неверный</translation>
    </message>
    <message>
        <source>is protected by a password</source>
        <translation>защищён паролем</translation>
    </message>
    <message>
        <source>is encrypted with a security scheme Oqyrman cannot open</source>
        <translation>зашифрован способом, который Oqyrman не может открыть</translation>
    </message>
    <message>
        <source>is not an RTF file{detail}</source>
        <translation>не файл RTF{detail}</translation>
    </message>
    <message>
        <source> (it does not start with {\rtf)</source>
        <translation> (не начинается с {\rtf)</translation>
    </message>
    <message>
        <source>not valid {encoding} text (bad bytes near offset {offset})</source>
        <translation>недопустимый текст в {encoding} (ошибочные байты около позиции {offset})</translation>
    </message>
    <message>
        <source>cannot be read as {encoding} ({reason})</source>
        <translation>не читается как {encoding} ({reason})</translation>
    </message>
    <message>
        <source>1 byte is not valid {encoding} and shows as �</source>
        <translation>1 байт недопустим в кодировке {encoding} и показан как �</translation>
    </message>
    <message>
        <source>{count} bytes are not valid {encoding} and show as �</source>
        <translation>недопустимых в кодировке {encoding} байтов: {count}; они показаны как �</translation>
    </message>
    <message>
        <source>the text encoding could not be determined (expected UTF-8, UTF-16, Windows-1251 or KZ-1048); choose one with Reopen with encoding (--encoding on the command line)</source>
        <translation>не удалось определить кодировку текста (ожидались UTF-8, UTF-16, Windows-1251 или KZ-1048); выберите её через «Открыть в другой кодировке» (в командной строке --encoding)</translation>
    </message>
    <message>
        <source> (it contains binary data)</source>
        <translation> (содержит двоичные данные)</translation>
    </message>
    <message>
        <source>not a text file{detail}</source>
        <translation>не текстовый файл{detail}</translation>
    </message>
    <message>
        <source>is empty, not {format}</source>
        <translation>пуст, это не {format}</translation>
    </message>
    <message>
        <source>is {format} nested too deeply or too large to read safely</source>
        <translation>{format} со слишком глубокой вложенностью или слишком большой для безопасного чтения</translation>
    </message>
    <message>
        <source>not well-formed {format} ({reason})</source>
        <translation>некорректный {format} ({reason})</translation>
    </message>
    <message>
        <source>{file} is not well-formed {format} ({reason}); it was repaired to open, so some of it may be missing or out of place</source>
        <translation>{file} — некорректный {format} ({reason}); файл исправлен для открытия, поэтому часть содержимого может отсутствовать или быть не на своём месте</translation>
    </message>
    <message>
        <source>has no {format} content</source>
        <translation>нет содержимого {format}</translation>
    </message>
    <message>
        <source> (it does not start with &lt;)</source>
        <translation> (не начинается с &lt;)</translation>
    </message>
    <message>
        <source>is not {format}{detail}</source>
        <translation>не {format}{detail}</translation>
    </message>
    <message>
        <source>declares its own entities in a DOCTYPE; Oqyrman does not expand them for safety (they can read local files or explode in size)</source>
        <translation>объявляет собственные сущности в DOCTYPE; Oqyrman не раскрывает их из соображений безопасности (они могут читать локальные файлы или неограниченно разрастаться)</translation>
    </message>
    <message>
        <source>cannot be read as {format} ({reason})</source>
        <translation>не читается как {format} ({reason})</translation>
    </message>
    <message>
        <source>is a damaged or truncated {format} file (no zip directory)</source>
        <translation>повреждённый или обрезанный файл {format} (нет каталога zip)</translation>
    </message>
    <message>
        <source>{file}: refused: its zip directory lists {members} files ({size} KB); a {format} never has more than {limit}</source>
        <translation>{file}: отклонён: его каталог zip перечисляет {members} файлов ({size} КБ); в {format} их никогда не бывает больше {limit}</translation>
    </message>
    <message>
        <source>is empty, not a {format} file</source>
        <translation>пуст, это не файл {format}</translation>
    </message>
    <message>
        <source> (it is not a zip archive)</source>
        <translation> (это не zip-архив)</translation>
    </message>
    <message>
        <source>is not a {format} file{detail}</source>
        <translation>не файл {format}{detail}</translation>
    </message>
    <message>
        <source>is a damaged or truncated {format} file ({reason})</source>
        <translation>повреждённый или обрезанный файл {format} ({reason})</translation>
    </message>
    <message>
        <source>uses a compression method a {format} never uses</source>
        <translation>использует метод сжатия, которого в {format} не бывает</translation>
    </message>
    <message>
        <source>is a password-protected (encrypted) {format}; Oqyrman cannot open it: save a copy without a password and open that</source>
        <translation>защищённый паролем (зашифрованный) {format}; Oqyrman не может его открыть: сохраните копию без пароля и откройте её</translation>
    </message>
    <message>
        <source>member {member} is compressed suspiciously well</source>
        <translation>элемент {member} сжат подозрительно сильно</translation>
    </message>
    <message>
        <source>would unpack to {size} MB</source>
        <translation>распаковался бы в {size} МБ</translation>
    </message>
    <message>
        <source>is a Strict Open XML document, which Oqyrman does not read yet; save it from Word as a “Word Document (.docx)”</source>
        <translation>документ Strict Open XML, который Oqyrman пока не читает; сохраните его в Word как «Документ Word (.docx)»</translation>
    </message>
    <message>
        <source>{file}: refused as a possible zip bomb ({why}; the limit is {limit} MB unpacked, {ratio}:1 per member)</source>
        <translation>{file}: отклонён как возможная zip-бомба ({why}; предел — {limit} МБ в распакованном виде, {ratio}:1 на элемент)</translation>
    </message>
    <message>
        <source>member {member} inflates past its size</source>
        <translation>элемент {member} при распаковке превышает свой размер</translation>
    </message>
    <message>
        <source>an unknown language</source>
        <extracomment>Legacy code pages other than Cyrillic that charset-normalizer is asked about.</extracomment>
        <translation>неизвестный язык</translation>
    </message>
    <message>
        <source>The text was read as {encoding} ({languages}), not as Kazakh or Russian; if it looks wrong, reopen it with another encoding</source>
        <translation>Текст прочитан как {encoding} ({languages}), а не как казахский или русский; если он выглядит неверно, откройте его заново в другой кодировке</translation>
    </message>
</context>
<context>
    <name>SearchBarWidget</name>
    <message>
        <source>Find in document</source>
        <translation>Найти в документе</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Слова</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Точно</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>Рег. выр.</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Режим поиска</translation>
    </message>
    <message>
        <source>Find every inflected form of the words, in any Kazakh spelling</source>
        <translation>Искать все словоформы в любом казахском написании</translation>
    </message>
    <message>
        <source>Find the text exactly as typed</source>
        <translation>Искать текст точно в том виде, как он введён</translation>
    </message>
    <message>
        <source>Treat the query as a Python regular expression</source>
        <translation>Считать запрос регулярным выражением Python</translation>
    </message>
    <message>
        <source>How the query is matched: word forms, exact text or regex</source>
        <translation>Способ сравнения: словоформы, точный текст или регулярное выражение</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case: tell upper and lower case apart</source>
        <translation>Учитывать регистр: различать прописные и строчные буквы</translation>
    </message>
    <message>
        <source>W</source>
        <translation>Сл</translation>
    </message>
    <message>
        <source>Whole word: match only complete words</source>
        <translation>Слово целиком: только целые слова</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Следующее совпадение (Enter, F3)</translation>
    </message>
    <message>
        <source>Close the search bar (Esc)</source>
        <translation>Закрыть строку поиска (Esc)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Нет совпадений</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
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
        <source>Entity panel</source>
        <translation>Панель сущностей</translation>
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
        <source>Export a copy with highlights and notes</source>
        <translation>Экспорт копии с выделениями и заметками</translation>
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
        <source>Next control of the panel</source>
        <translation>Следующий элемент панели</translation>
    </message>
    <message>
        <source>Select the entry&apos;s first mention in the text</source>
        <translation>Выделить в тексте первое упоминание записи</translation>
    </message>
    <message>
        <source>Rename the selected entry</source>
        <translation>Переименовать выбранную запись</translation>
    </message>
    <message>
        <source>Remove the selected entries, or the mention: not an entity</source>
        <translation>Убрать выбранные записи или отметить упоминание: не сущность</translation>
    </message>
    <message>
        <source>All commands for the entry or mention</source>
        <translation>Все команды для записи или упоминания</translation>
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
<context>
    <name>TaskRunner</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Непредвиденная ошибка: %1</translation>
    </message>
</context>
</TS>
