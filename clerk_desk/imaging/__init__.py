"""Page images: compression for storage and assembly into PDFs."""
