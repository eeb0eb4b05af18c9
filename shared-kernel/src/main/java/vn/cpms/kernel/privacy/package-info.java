/** How personal data inside events is marked for per-child encryption (crypto-shredding). */
package vn.cpms.kernel.privacy;
