package org.jiuquan.grassroots.demodata;

/** A dataset file that cannot be loaded; the message names the file, the line and what is wrong. */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    DatasetException(String file, int line, String problem) {
        super(file + " 第 " + line + " 行 / line " + line + ": " + problem);
    }
}
