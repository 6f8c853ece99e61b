"""Gazetteers, country codes and extraction patterns, shipped as package data."""
