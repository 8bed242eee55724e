"""Writers of annotated copies (PDF via QtGui, DOCX via python-docx) and W3C Web Annotation JSON."""
