"""Services that read the store and call the analysis: the only place where `surveys`
and `analysis` meet. No Streamlit here: pages, the CLI and the reports all call these."""
