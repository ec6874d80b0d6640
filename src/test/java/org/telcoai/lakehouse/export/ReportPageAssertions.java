package org.telcoai.lakehouse.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses the report page (it is well-formed XML by design) and checks its figures. */
final class ReportPageAssertions {

    private ReportPageAssertions() { }

    static Document parse(Path html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        try (var in = Files.newInputStream(html)) {
            return b.parse(in); // throws on any unbalanced tag, bad entity or stray '<' from unescaped data
        }
    }

    /** Figure id to figure element, in page order. */
    static Map<String, Element> figures(Document doc) {
        Map<String, Element> figures = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("figure");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            figures.put(e.getAttribute("id"), e);
        }
        return figures;
    }

    /** The figure holds one PNG data-URI image that decodes, and a caption. */
    static BufferedImage assertChart(Element figure) throws IOException {
        String id = figure.getAttribute("id");
        assertTrue(id.startsWith("chart-"), id);
        NodeList imgs = figure.getElementsByTagName("img");
        assertEquals(1, imgs.getLength(), id + " has one image");
        String src = ((Element) imgs.item(0)).getAttribute("src");
        assertTrue(src.startsWith("data:image/png;base64,"), id + " image is inline");
        byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, id + " decodes as PNG");
        assertEquals(ChartImages.WIDTH, image.getWidth());
        assertEquals(ChartImages.HEIGHT, image.getHeight());
        assertFalse(((Element) imgs.item(0)).getAttribute("alt").isBlank(), id + " has alt text");
        assertCaption(figure);
        return image;
    }

    static void assertNoData(Element figure) {
        String id = figure.getAttribute("id");
        assertEquals(0, figure.getElementsByTagName("img").getLength(), id + " has no image");
        assertTrue(figure.getTextContent().contains("No data"), id + " says no data");
        assertCaption(figure);
    }

    private static void assertCaption(Element figure) {
        NodeList captions = figure.getElementsByTagName("figcaption");
        assertEquals(1, captions.getLength(), figure.getAttribute("id") + " has a caption");
        assertFalse(captions.item(0).getTextContent().isBlank());
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
