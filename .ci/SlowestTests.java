import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * Prints the slowest test classes of the last build, read from the Surefire and Failsafe XML reports, so that
 * every CI log shows where the suite's time goes. Run as a source file: java .ci/SlowestTests.java [count].
 */
public class SlowestTests {

    record TestClass(String name, String plugin, double seconds, int tests) { }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<TestClass> classes = new ArrayList<>();
        for (String plugin : List.of("surefire", "failsafe")) {
            File[] reports = new File("target/" + plugin + "-reports")
                    .listFiles((dir, name) -> name.startsWith("TEST-") && name.endsWith(".xml"));
            for (File report : reports == null ? new File[0] : reports) {
                Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report)
                        .getDocumentElement();
                classes.add(new TestClass(suite.getAttribute("name"), plugin,
                        Double.parseDouble(suite.getAttribute("time").replace(",", "")),
                        Integer.parseInt(suite.getAttribute("tests"))));
            }
        }
        classes.sort(Comparator.comparingDouble(TestClass::seconds).reversed());
        double total = classes.stream().mapToDouble(TestClass::seconds).sum();
        System.out.printf("Slowest %d of %d test classes (%.0f s in all):%n", Math.min(count, classes.size()),
                classes.size(), total);
        System.out.printf("%8s  %-8s  %5s  %s%n", "seconds", "plugin", "tests", "class");
        for (TestClass c : classes.subList(0, Math.min(count, classes.size()))) {
            System.out.printf("%8.1f  %-8s  %5d  %s%n", c.seconds(), c.plugin(), c.tests(),
                    c.name().replaceFirst("^org\\.telcoai\\.lakehouse\\.", ""));
        }
    }
}
