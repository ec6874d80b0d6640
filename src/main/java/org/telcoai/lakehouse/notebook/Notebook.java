package org.telcoai.lakehouse.notebook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A Jupyter notebook (nbformat 4) as its JSON tree. Everything this class does not change is written back as it was
 * read: cell ids, metadata, attachments, markdown and raw cells, keys it does not know, key order and exact numbers.
 * It changes only what running SQL cells needs: a code cell's {@code outputs} and {@code execution_count}, and the
 * notebook's {@code kernelspec}/{@code language_info} when they are absent.
 *
 * <p>Written like Jupyter writes (1-space indentation, {@code "key": value}, multi-line text as a list of lines,
 * a final newline), through a temporary file in the target's folder and an atomic move, so a crash leaves either
 * the old file or the new one, never half a notebook.
 */
public final class Notebook {

    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory()
            .setCharacterEscapes(new PythonEscapes()))
            // Numbers in metadata stay as written (1.0 stays 1.0, no binary rounding).
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Kernel label for notebooks that have none; no such Jupyter kernel is installed, this command runs them. */
    static final Map<String, String> SQL_KERNELSPEC = Map.of(
            "display_name", "Spark SQL (telco-ai-lakehouse)", "language", "sql", "name", "lakehouse-sql");
    static final Map<String, String> SQL_LANGUAGE_INFO = Map.of(
            "codemirror_mode", "sql", "file_extension", ".sql", "mimetype", "text/x-sql", "name", "sql");

    private final ObjectNode root;
    private final List<Cell> cells;

    private Notebook(ObjectNode root) {
        this.root = root;
        JsonNode format = root.get("nbformat");
        if (format == null || !format.isIntegralNumber() || format.intValue() != 4) {
            throw new IllegalArgumentException("not an nbformat 4 notebook (nbformat: " + format + ")");
        }
        JsonNode cellArray = root.get("cells");
        if (cellArray == null || !cellArray.isArray()) {
            throw new IllegalArgumentException("notebook has no \"cells\" list");
        }
        List<Cell> list = new ArrayList<>();
        for (int i = 0; i < cellArray.size(); i++) {
            JsonNode cell = cellArray.get(i);
            if (!cell.isObject() || !cell.path("cell_type").isTextual()) {
                throw new IllegalArgumentException("cell " + (i + 1) + " is not an object with a cell_type");
            }
            Cell parsed = new Cell(i + 1, (ObjectNode) cell);
            parsed.source(); // a source that is neither text nor lines is refused now, not halfway through a run
            list.add(parsed);
        }
        this.cells = Collections.unmodifiableList(list);
    }

    /**
     * Reads a notebook file.
     *
     * @throws IllegalArgumentException when the file is missing, not UTF-8 JSON, or not an nbformat 4 notebook
     */
    public static Notebook read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("notebook not found: " + file);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses notebook JSON; {@link IllegalArgumentException} when it is not JSON or not an nbformat 4 notebook. */
    public static Notebook parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a notebook: the JSON is not an object");
        }
        return new Notebook((ObjectNode) root);
    }

    public List<Cell> cells() {
        return cells;
    }

    /** The notebook-level metadata object (created when absent). */
    public ObjectNode metadata() {
        JsonNode metadata = root.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            return root.putObject("metadata");
        }
        return (ObjectNode) metadata;
    }

    /**
     * Labels the notebook as SQL for Jupyter and GitHub (syntax highlighting), each of kernelspec and language_info
     * only when absent; a notebook that names its kernel keeps it.
     */
    public void labelAsSqlWhereUnset() {
        ObjectNode metadata = metadata();
        if (!metadata.has("kernelspec")) {
            metadata.set("kernelspec", sortedObject(SQL_KERNELSPEC));
        }
        if (!metadata.has("language_info")) {
            metadata.set("language_info", sortedObject(SQL_LANGUAGE_INFO));
        }
    }

    /** The notebook as Jupyter would save it: 1-space indentation and a final newline. */
    public String toJson() {
        try {
            return JSON.writer(new JupyterPrettyPrinter()).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the notebook", e);
        }
    }

    /**
     * Writes the notebook to {@code file} through a temporary file in the same folder and an atomic move. A link is
     * followed (the file it points to is replaced); an existing file's permissions are kept.
     */
    public void write(Path file) {
        Path target = file.toAbsolutePath();
        try {
            if (Files.exists(target)) {
                target = target.toRealPath();
            }
            Path folder = target.getParent();
            Files.createDirectories(folder);
            Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    out.write(toJson().getBytes(StandardCharsets.UTF_8));
                }
                copyPermissions(target, temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write notebook " + file, e);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView copy = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && copy != null) {
            Set<PosixFilePermission> permissions = source.readAttributes().permissions();
            copy.setPermissions(permissions);
        }
    }

    /** A new object with the entries in key order, as Jupyter sorts keys when it saves. */
    static ObjectNode sortedObject(Map<String, String> entries) {
        ObjectNode node = JSON.createObjectNode();
        entries.keySet().stream().sorted().forEach(key -> node.put(key, entries.get(key)));
        return node;
    }

    /** Multi-line text the way nbformat stores it: a list of lines, each but the last ending in a line feed. */
    static ArrayNode lines(String text) {
        ArrayNode array = JSON.createArrayNode();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                array.add(text.substring(start));
                break;
            }
            array.add(text.substring(start, end + 1));
            start = end + 1;
        }
        return array;
    }

    /** One cell; {@link #number()} is its 1-based position among all cells of the notebook. */
    public static final class Cell {

        private final int number;
        private final ObjectNode json;

        private Cell(int number, ObjectNode json) {
            this.number = number;
            this.json = json;
        }

        public int number() {
            return number;
        }

        /** {@code code}, {@code markdown} or {@code raw}. */
        public String type() {
            return json.get("cell_type").asText();
        }

        public boolean isCode() {
            return "code".equals(type());
        }

        /** The source text; nbformat stores it as one string or as a list of lines to concatenate. */
        public String source() {
            JsonNode source = json.get("source");
            if (source == null || source.isNull()) {
                return "";
            }
            if (source.isTextual()) {
                return source.asText();
            }
            if (source.isArray()) {
                StringBuilder text = new StringBuilder();
                for (JsonNode line : source) {
                    if (!line.isTextual()) {
                        throw new IllegalArgumentException("cell " + number + ": source holds a non-string");
                    }
                    text.append(line.asText());
                }
                return text.toString();
            }
            throw new IllegalArgumentException("cell " + number + ": source is neither a string nor a list");
        }

        /** The cell's JSON object (live: changes show in the written notebook). */
        public ObjectNode json() {
            return json;
        }

        /** Removes the outputs of an earlier run. */
        public void clearOutputs() {
            json.putArray("outputs");
        }

        public void setExecutionCount(int count) {
            json.put("execution_count", count);
        }

        /** Adds an {@code execute_result} with the given mime bundle ({@code text/plain}, {@code text/html}...). */
        public void addExecuteResult(int executionCount, Map<String, String> data) {
            ObjectNode output = JSON.createObjectNode();
            ObjectNode bundle = output.putObject("data");
            data.keySet().stream().sorted().forEach(mime -> bundle.set(mime, lines(data.get(mime))));
            output.put("execution_count", executionCount);
            output.putObject("metadata");
            output.put("output_type", "execute_result");
            outputs().add(output);
        }

        /** Adds an {@code error} output; Jupyter and GitHub show its traceback lines. */
        public void addError(String ename, String evalue, List<String> traceback) {
            ObjectNode output = JSON.createObjectNode();
            output.put("ename", ename);
            output.put("evalue", evalue);
            output.put("output_type", "error");
            ArrayNode lines = output.putArray("traceback");
            traceback.forEach(lines::add);
            outputs().add(output);
        }

        private ArrayNode outputs() {
            JsonNode outputs = json.get("outputs");
            if (outputs == null || !outputs.isArray()) {
                return json.putArray("outputs");
            }
            return (ArrayNode) outputs;
        }
    }

    /**
     * Control characters escaped with lower-case hex digits, as Python's json module writes them (Jackson writes
     * upper case), so the ANSI colour codes in a Python cell's saved traceback come back byte for byte.
     */
    private static final class PythonEscapes extends CharacterEscapes {

        private final int[] codes = standardAsciiEscapesForJSON();

        PythonEscapes() {
            for (int c = 0; c < 0x20; c++) {
                if ("\b\t\n\f\r".indexOf(c) < 0) {
                    codes[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return codes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Jackson also asks about every non-ASCII character: null writes it as itself (UTF-8, like Jupyter).
            return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
