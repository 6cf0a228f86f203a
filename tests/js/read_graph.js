// Reads a GEXF or GraphML file with graphology's parsers (the ones Gephi Lite uses) and prints
// what they give as JSON: {"nodes": [{key, attributes}], "edges": [{key, source, target,
// attributes}]}. NaN, which JSON cannot hold, is printed as the string "NaN".
// Usage: node read_graph.js gexf|graphml FILE   (run by tests/test_gephi_interop.py)
"use strict";

const fs = require("fs");
const { MultiDirectedGraph } = require("graphology");

const [format, file] = process.argv.slice(2);
const parsers = { gexf: "graphology-gexf", graphml: "graphology-graphml" };
if (!parsers[format] || !file) {
  process.stderr.write("usage: node read_graph.js gexf|graphml FILE\n");
  process.exit(2);
}
const graph = require(parsers[format]).parse(MultiDirectedGraph, fs.readFileSync(file, "utf8"));
const nodes = graph.mapNodes((key, attributes) => ({ key, attributes }));
const edges = graph.mapEdges((key, attributes, source, target) =>
  ({ key, source, target, attributes }));
const noNaN = (_, value) => (typeof value === "number" && Number.isNaN(value) ? "NaN" : value);
process.stdout.write(JSON.stringify({ nodes, edges }, noNaN));
