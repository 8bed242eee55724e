<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationPanel</name>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n orphaned annotation(s) left out: they no longer match the text)</source>
        <translation>
            <numerusform>(%n orphaned annotation left out: it no longer matches the text)</numerusform>
            <numerusform>(%n orphaned annotations left out: they no longer match the text)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n word(s) mix letters of two alphabets; search and entities read them as the words they stand for</source>
        <translation>
            <numerusform>%n word mixes letters of two alphabets; search and entities read it as the word it stands for</numerusform>
            <numerusform>%n words mix letters of two alphabets; search and entities read them as the words they stand for</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfToolbarWidget</name>
    <message numerus="yes">
        <source>of %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
