"""diplograph's SPARQL endpoint: SPARQL 1.1 Protocol, Graph Store Protocol, Linked Data and a query page."""
