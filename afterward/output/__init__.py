"""What Afterward draws and writes: interactive plotly charts (`charts`), static charts for
the PDF (`static_charts`) and the quarterly process review as HTML and PDF
(`quarterly_report`)."""
