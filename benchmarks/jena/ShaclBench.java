// Whole-graph SHACL validation with Apache Jena, timed inside one warm JVM.
//
// Why a harness and not `shacl validate`: the command line times JVM start-up and parsing
// with the validation; the benchmark wants the validation alone (and reports the cold
// figure, start-up included, separately by timing this whole process from outside).
//
// Usage: java -cp CLASSPATH ShaclBench SHAPES.ttl DATA.nq RUNS FINDINGS.tsv
// The data's named graphs are read as one graph (their union, as ctkg's queries see it).
// Prints one JSON object on stdout; writes every finding (severity, focus, path) as TSV.

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.graph.Triple;

public class ShaclBench {
    public static void main(String[] args) throws Exception {
        String shapesPath = args[0], dataPath = args[1];
        int runs = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        Graph shapesGraph = RDFDataMgr.loadGraph(shapesPath);
        Shapes shapes = Shapes.parse(shapesGraph);
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.source(dataPath).lang(Lang.NQUADS).parse(new StreamRDFBase() {
            @Override public void triple(Triple triple) { data.add(triple); }
            @Override public void quad(Quad quad) { data.add(quad.asTriple()); }
        });
        double parseS = (System.nanoTime() - t0) / 1e9;
        ValidationReport report = ShaclValidator.get().validate(shapes, data);  // warm-up
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            report = ShaclValidator.get().validate(shapes, data);
            times.add((System.nanoTime() - t) / 1e9);
        }
        Map<String, Integer> bySeverity = new TreeMap<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(args[3]), StandardCharsets.UTF_8))) {
            for (ReportEntry e : report.getEntries()) {
                String severity = e.severity().level().getLocalName();
                bySeverity.merge(severity, 1, Integer::sum);
                out.println(severity + "\t" + text(e.focusNode()) + "\t" + (e.resultPath() == null ? "" : e.resultPath().toString().replaceAll("^<|>$", "")));
            }
        }
        StringBuilder json = new StringBuilder();
        json.append("{\"triples\": ").append(data.size()).append(", \"parse_s\": ").append(parseS);
        json.append(", \"runs_s\": ").append(times.toString());
        json.append(", \"conforms\": ").append(report.conforms()).append(", \"by_severity\": {");
        String sep = "";
        for (Map.Entry<String, Integer> kv : bySeverity.entrySet()) {
            json.append(sep).append('"').append(kv.getKey()).append("\": ").append(kv.getValue());
            sep = ", ";
        }
        System.out.println(json.append("}}"));
    }

    private static String text(Node n) {
        return n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }
}
