package org.telcoai.lakehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telcoai.lakehouse.testing.SharedSpark;

/** The local file system that sets permissions and checks links without a child process, as Hadoop's would. */
class ForklessLocalFileSystemTest {

    @TempDir
    java.nio.file.Path folder;

    @Test
    void createdFilesGetTheUmaskedPermissionAndSetPermissionChangesIt() throws IOException {
        ForklessLocalFileSystem fs = new ForklessLocalFileSystem();
        Configuration conf = new Configuration();
        conf.set("fs.permissions.umask-mode", "027");
        fs.initialize(java.net.URI.create("file:///"), conf);
        Path file = new Path(folder.resolve("a.parquet").toUri());
        try (FSDataOutputStream out = fs.create(file, FsPermission.getFileDefault(), false, 4096, (short) 1, 1L << 20,
                null)) {
            out.write(1);
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(toLocal(file))));
        fs.setPermission(file, new FsPermission((short) 0604));
        assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(toLocal(file))));
        assertEquals(1, fs.getFileStatus(file).getLen());
    }

    @Test
    void linkStatusIsWhatHadoopsOwnAnswersForFilesAndLinksWithOrWithoutScheme() throws IOException {
        ForklessLocalFileSystem.Raw forkless = new ForklessLocalFileSystem.Raw();
        forkless.initialize(java.net.URI.create("file:///"), new Configuration());
        RawLocalFileSystem hadoop = new RawLocalFileSystem();
        hadoop.initialize(java.net.URI.create("file:///"), new Configuration());
        java.nio.file.Path target = Files.writeString(folder.resolve("target.json"), "{}", StandardCharsets.UTF_8);
        java.nio.file.Path link = Files.createSymbolicLink(folder.resolve("link.json"), target);

        for (Path path : List.of(new Path(target.toUri()), new Path(target.toString()), new Path(link.toUri()),
                new Path(link.toString()))) {
            FileStatus expected = hadoop.getFileLinkStatus(path);
            FileStatus actual = forkless.getFileLinkStatus(path);
            assertEquals(expected.isSymlink(), actual.isSymlink(), path.toString());
            assertEquals(expected.getLen(), actual.getLen(), path.toString());
            assertEquals(expected.getPath(), actual.getPath(), path.toString());
        }
        // Hadoop's own answer for the scheme-less link, which the one above must have matched.
        assertTrue(forkless.getFileLinkStatus(new Path(link.toString())).isSymlink());
        assertThrows(FileNotFoundException.class,
                () -> forkless.getFileLinkStatus(new Path(folder.resolve("none").toUri())));
    }

    @Test
    void aFileContextRenameRefusesToOverwriteAsDeltaCommitsNeed() throws Exception {
        Configuration conf = new Configuration();
        conf.set("fs.AbstractFileSystem.file.impl", ForklessLocalFileSystem.Fs.class.getName());
        FileContext context = FileContext.getFileContext(java.net.URI.create("file:///"), conf);
        assertEquals(ForklessLocalFileSystem.Fs.class, context.getDefaultFileSystem().getClass());
        Path temp = new Path(folder.resolve(".00001.json.tmp").toUri());
        Path committed = new Path(folder.resolve("00001.json").toUri());
        try (FSDataOutputStream out = context.create(temp, EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
            out.write('{');
        }
        context.rename(temp, committed, Options.Rename.NONE);
        assertTrue(Files.exists(toLocal(committed)));
        assertFalse(Files.exists(toLocal(temp)));
        Files.writeString(toLocal(temp), "x");
        assertThrows(org.apache.hadoop.fs.FileAlreadyExistsException.class,
                () -> context.rename(temp, committed, Options.Rename.NONE));
    }

    @Test
    void aLocalSessionUsesItOnBothSides() {
        Configuration conf = SharedSpark.spark().sparkContext().hadoopConfiguration();
        assertEquals(ForklessLocalFileSystem.class.getName(), conf.get("fs.file.impl"));
        assertEquals(ForklessLocalFileSystem.Fs.class.getName(), conf.get("fs.AbstractFileSystem.file.impl"));
    }

    private static java.nio.file.Path toLocal(Path path) {
        return java.nio.file.Path.of(path.toUri());
    }
}
