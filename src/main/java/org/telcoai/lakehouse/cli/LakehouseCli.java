package org.telcoai.lakehouse.cli;
public class LakehouseCli { public static void main(String[] a) {} }
